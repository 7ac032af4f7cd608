package io.apogee.store.index;

import io.apogee.common.message.MessageConst;
import io.apogee.store.dispatch.DispatchRequest;
import io.apogee.store.MessageStoreConfig;
import java.io.File;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index directory: files named by creation time, each indexing messages until full. Keys
 * are {@code topic#key} for the UNIQ_KEY and every space-separated entry of KEYS.
 */
public final class IndexService {
    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);

    private final File dir;
    private final int slotNum;
    private final int indexNum;
    private final LongConsumer onFileFull;
    private final CopyOnWriteArrayList<IndexFile> files = new CopyOnWriteArrayList<>();

    /** {@code onFileFull} receives the end timestamp of each file flushed because it filled up. */
    public IndexService(MessageStoreConfig config, LongConsumer onFileFull) {
        this.dir = new File(config.getStorePathIndex());
        this.slotNum = config.getMaxHashSlotNum();
        this.indexNum = config.getMaxIndexNum();
        this.onFileFull = onFileFull;
    }

    public void load() throws IOException {
        File[] existing = dir.listFiles(File::isFile);
        if (existing == null) {
            return;
        }
        Arrays.sort(existing);
        for (File f : existing) {
            if (f.length() != IndexFile.fileSize(slotNum, indexNum)) {
                LOG.warn("ignoring index file {} of unexpected size {}", f, f.length());
                continue;
            }
            files.add(new IndexFile(f, slotNum, indexNum));
        }
    }

    /** Recovery: entries beyond the commit-log end will be re-indexed when re-dispatched. */
    public void capEndPhyOffset(long commitLogMaxOffset) {
        files.forEach(f -> f.capEndPhyOffset(commitLogMaxOffset));
    }

    public void buildIndex(DispatchRequest req) {
        try {
            IndexFile file = lastFile();
            if (file.hasEntries() && req.commitLogOffset() <= file.getEndPhyOffset()) {
                return; // already indexed before a restart
            }
            String topic = req.topic();
            if (req.uniqKey() != null) {
                file = put(file, topic + "#" + req.uniqKey(), req);
            }
            String keys = req.keys();
            if (keys != null && !keys.isEmpty()) {
                for (String key : keys.split(MessageConst.KEY_SEPARATOR)) {
                    if (!key.isEmpty()) {
                        file = put(file, topic + "#" + key, req);
                    }
                }
            }
        } catch (IOException e) {
            LOG.error("cannot create index file; message at {} not indexed", req.commitLogOffset(), e);
        }
    }

    private IndexFile put(IndexFile file, String key, DispatchRequest req) throws IOException {
        if (file.putKey(key, req.commitLogOffset(), req.storeTimestamp())) {
            return file;
        }
        IndexFile next = newFile();
        if (!next.putKey(key, req.commitLogOffset(), req.storeTimestamp())) {
            LOG.error("a new index file refused key {}", key);
        }
        return next;
    }

    private IndexFile lastFile() throws IOException {
        IndexFile last = files.isEmpty() ? null : files.get(files.size() - 1);
        return last == null || last.isFull() ? newFile() : last;
    }

    private IndexFile newFile() throws IOException {
        IndexFile previous = files.isEmpty() ? null : files.get(files.size() - 1);
        String name = new SimpleDateFormat("yyyyMMddHHmmssSSS").format(new Date());
        File path = new File(dir, name);
        while (path.exists()) {
            path = new File(dir, name + "_" + System.nanoTime());
        }
        IndexFile created = new IndexFile(path, slotNum, indexNum);
        files.add(created);
        if (previous != null) {
            // a full file never changes again: make it durable and move the checkpoint
            previous.flush();
            onFileFull.accept(previous.getEndTimestamp());
        }
        return created;
    }

    /** Physical offsets for {@code topic#key} within [begin, end], newest files first. */
    public List<Long> queryOffsets(String topic, String key, int maxNum, long begin, long end) {
        List<Long> out = new ArrayList<>();
        String fullKey = topic + "#" + key;
        for (int i = files.size() - 1; i >= 0 && out.size() < maxNum; i--) {
            files.get(i).select(fullKey, maxNum, begin, end, out);
        }
        return out;
    }

    /** Store time and offset of the newest indexed message. */
    public long[] lastUpdate() {
        if (files.isEmpty()) {
            return new long[] {0, 0};
        }
        IndexFile last = files.get(files.size() - 1);
        return new long[] {last.getEndTimestamp(), last.getEndPhyOffset()};
    }

    public void flushLast() {
        if (!files.isEmpty()) {
            files.get(files.size() - 1).flush();
        }
    }

    /** Deletes files whose newest entry is below {@code commitLogMinOffset}, never the last one. */
    public int deleteExpired(long commitLogMinOffset) {
        int deleted = 0;
        for (IndexFile f : files) {
            if (f == files.get(files.size() - 1) || f.getEndPhyOffset() >= commitLogMinOffset) {
                break;
            }
            f.destroy();
            files.remove(f);
            deleted++;
        }
        return deleted;
    }

    public void shutdown() {
        for (IndexFile f : files) {
            f.flush();
            f.close();
        }
    }
}
