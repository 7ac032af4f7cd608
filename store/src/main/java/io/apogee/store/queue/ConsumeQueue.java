package io.apogee.store.queue;

import io.apogee.store.file.MappedFile;
import io.apogee.store.file.MappedFileQueue;
import io.apogee.store.file.ReadRegion;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One topic-queue's index into the commit log: entry N (20 bytes: physical offset 8, size 4,
 * tag code 8) locates the message with queue offset N. Written only by the dispatch thread.
 */
public final class ConsumeQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueue.class);
    public static final int UNIT_SIZE = 20;
    /** Size of filler entries that pad a queue starting at a non-zero offset; never a real message. */
    static final int FILLER_SIZE = Integer.MAX_VALUE;

    private final String topic;
    private final int queueId;
    private final MappedFileQueue files;
    private final ByteBuffer entry = ByteBuffer.allocate(UNIT_SIZE);
    /** Physical end (offset + size) of the last entry. */
    private volatile long maxPhysicOffset = -1;
    /** Byte position of the first entry still backed by the commit log. */
    private volatile long minLogicOffset;

    public ConsumeQueue(String topic, int queueId, File dir, int fileSize) {
        this.topic = topic;
        this.queueId = queueId;
        this.files = new MappedFileQueue(dir, fileSize, null);
    }

    public String getTopic() {
        return topic;
    }

    public int getQueueId() {
        return queueId;
    }

    public void load() throws IOException {
        files.load();
    }

    /**
     * Finds the real end of the loaded entries: the first zero-size entry in the last files (entries
     * are appended in order, so nothing valid follows it), then drops entries pointing at or past
     * {@code commitLogMaxOffset}.
     */
    public void recover(long commitLogMaxOffset) {
        List<MappedFile> list = files.getFiles();
        if (list.isEmpty()) {
            return;
        }
        int fileSize = files.getFileSize();
        long end = list.get(0).getFileFromOffset();
        for (int i = Math.max(0, list.size() - 3); i < list.size(); i++) {
            MappedFile mf = list.get(i);
            end = mf.getFileFromOffset();
            ByteBuffer view = mf.readableView();
            int pos = 0;
            while (pos + UNIT_SIZE <= fileSize && view.getInt(pos + 8) > 0) {
                pos += UNIT_SIZE;
            }
            end += pos;
            if (pos < fileSize) {
                break;
            }
        }
        files.truncateTo(end);
        truncateFrom(commitLogMaxOffset);
        maxPhysicOffset = computeMaxPhysicOffset();
    }

    /** Removes trailing entries whose record starts at or beyond {@code phyOffset}. */
    public void truncateFrom(long phyOffset) {
        long end = files.getMaxOffset();
        long first = firstFileStart();
        long cut = end;
        while (cut - UNIT_SIZE >= first) {
            long[] e = readEntry(cut - UNIT_SIZE);
            if (e == null || e[1] == FILLER_SIZE || e[0] < phyOffset) {
                break;
            }
            cut -= UNIT_SIZE;
        }
        if (cut < end) {
            LOG.info("consume queue {}-{}: dropping {} entries at or beyond commit-log offset {}",
                    topic, queueId, (end - cut) / UNIT_SIZE, phyOffset);
            files.truncateTo(cut);
            maxPhysicOffset = computeMaxPhysicOffset();
            if (minLogicOffset > cut) {
                minLogicOffset = cut;
            }
        }
    }

    private long firstFileStart() {
        MappedFile first = files.getFirstFile();
        return first == null ? 0 : first.getFileFromOffset();
    }

    private long computeMaxPhysicOffset() {
        long end = files.getMaxOffset();
        if (end - UNIT_SIZE < firstFileStart()) {
            return -1;
        }
        long[] e = readEntry(end - UNIT_SIZE);
        return e == null || e[1] == FILLER_SIZE ? -1 : e[0] + e[1];
    }

    /** (physical offset, size, tag code) at byte position {@code pos}, or null if unreadable. */
    private long[] readEntry(long pos) {
        try (ReadRegion r = files.readFrom(pos)) {
            if (r == null || r.buffer().remaining() < UNIT_SIZE) {
                return null;
            }
            ByteBuffer b = r.buffer();
            return new long[] {b.getLong(0), b.getInt(8), b.getLong(12)};
        }
    }

    /**
     * Appends the entry for {@code queueOffset}. Already-present offsets are skipped, so
     * re-dispatching after recovery is harmless; a gap (which only a lost file can cause) is
     * padded with fillers. Returns false if the file could not be created.
     */
    public boolean putMessagePositionInfo(long phyOffset, int size, long tagsCode, long queueOffset) {
        long expected = queueOffset * UNIT_SIZE;
        long current = files.getMaxOffset();
        if (files.isEmpty()) {
            current = expected - expected % files.getFileSize();
            minLogicOffset = expected;
        }
        if (expected < current) {
            return true;
        }
        try {
            if (expected > current && !files.isEmpty()) {
                LOG.warn("consume queue {}-{}: gap from {} to {}; padding", topic, queueId,
                        current / UNIT_SIZE, queueOffset);
            }
            while (current < expected) {
                append(current, 0, FILLER_SIZE, 0);
                current += UNIT_SIZE;
            }
            append(expected, phyOffset, size, tagsCode);
            maxPhysicOffset = phyOffset + size;
            return true;
        } catch (IOException e) {
            LOG.error("consume queue {}-{}: cannot create file", topic, queueId, e);
            return false;
        }
    }

    private void append(long position, long phyOffset, int size, long tagsCode) throws IOException {
        MappedFile file = files.getLastFileForAppend(position);
        entry.clear();
        entry.putLong(phyOffset).putInt(size).putLong(tagsCode);
        file.append(entry, 0, UNIT_SIZE);
    }

    /** Entries from queue offset {@code index} to the end of their file; null if that offset is gone. */
    public ReadRegion entriesFrom(long index) {
        long pos = index * UNIT_SIZE;
        if (pos < minLogicOffset) {
            return null;
        }
        return files.readFrom(pos);
    }

    /** (physical offset, size, tag code) of one queue offset, or null. */
    public long[] entry(long index) {
        if (index < getMinOffsetInQueue() || index >= getMaxOffsetInQueue()) {
            return null;
        }
        long[] e = readEntry(index * UNIT_SIZE);
        return e == null || e[1] == FILLER_SIZE ? null : e;
    }

    public long getMinOffsetInQueue() {
        return minLogicOffset / UNIT_SIZE;
    }

    public long getMaxOffsetInQueue() {
        return files.getMaxOffset() / UNIT_SIZE;
    }

    public long getMaxPhysicOffset() {
        return maxPhysicOffset;
    }

    /** First queue offset of the file after the one holding {@code index}. */
    public long rollNextFile(long index) {
        int perFile = files.getFileSize() / UNIT_SIZE;
        return index + perFile - index % perFile;
    }

    /**
     * Deletes files wholly below {@code commitLogMinOffset} (never the last) and moves the
     * minimum offset to the first entry still backed by the commit log.
     */
    public int deleteExpiredFiles(long commitLogMinOffset) {
        int deleted = files.deleteLeading(mf -> {
            if (!mf.hold()) {
                return false;
            }
            try {
                ByteBuffer view = mf.readableView();
                int last = view.limit() - UNIT_SIZE;
                return last >= 0 && view.getInt(last + 8) != FILLER_SIZE
                        && view.getLong(last) + view.getInt(last + 8) <= commitLogMinOffset;
            } finally {
                mf.release();
            }
        }, Integer.MAX_VALUE);
        correctMinOffset(commitLogMinOffset);
        return deleted;
    }

    /** Sets the minimum offset to the first entry at or beyond {@code commitLogMinOffset}. */
    public void correctMinOffset(long commitLogMinOffset) {
        long pos = Math.max(minLogicOffset, firstFileStart());
        long end = files.getMaxOffset();
        while (pos < end) {
            try (ReadRegion r = files.readFrom(pos)) {
                if (r == null) {
                    break;
                }
                ByteBuffer b = r.buffer();
                int i = 0;
                for (; i + UNIT_SIZE <= b.limit(); i += UNIT_SIZE) {
                    int size = b.getInt(i + 8);
                    if (size != FILLER_SIZE && b.getLong(i) >= commitLogMinOffset) {
                        minLogicOffset = pos + i;
                        return;
                    }
                }
                pos += i;
                if (i == 0) {
                    break;
                }
            }
        }
        minLogicOffset = pos;
    }

    public boolean flush(int leastPages) {
        return files.flush(leastPages);
    }

    /**
     * Commit-log offset of the oldest entry not yet on disk (Long.MAX_VALUE when all are): every
     * message below it has its entry on disk. A filler counts as offset 0, holding the checkpoint
     * back until a thorough flush.
     */
    public long firstUnflushedPhysOffset() {
        long flushed = files.getFlushedWhere();
        if (flushed >= files.getMaxOffset()) {
            return Long.MAX_VALUE;
        }
        long[] e = readEntry(flushed);
        if (e == null) {
            return Long.MAX_VALUE; // the file went away with a deleted topic
        }
        return e[1] == FILLER_SIZE ? 0 : e[0];
    }

    public void shutdown() {
        files.flush(0);
        files.shutdown();
    }

    /** Deletes every file and the queue's directory. */
    public void destroy() {
        files.destroyAll();
    }
}
