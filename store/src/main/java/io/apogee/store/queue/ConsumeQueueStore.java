package io.apogee.store.queue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All consume queues, laid out as {@code <root>/<topic>/<queueId>/<20-digit offset>}. */
public final class ConsumeQueueStore {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueueStore.class);

    private final File root;
    private final int fileSize;
    private final ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> queues = new ConcurrentHashMap<>();

    public ConsumeQueueStore(File root, int fileSize) {
        this.root = root;
        this.fileSize = fileSize;
    }

    public void load() throws IOException {
        File[] topics = root.listFiles(File::isDirectory);
        if (topics == null) {
            return;
        }
        for (File topicDir : topics) {
            File[] queueDirs = topicDir.listFiles(File::isDirectory);
            if (queueDirs == null) {
                continue;
            }
            for (File queueDir : queueDirs) {
                int queueId;
                try {
                    queueId = Integer.parseInt(queueDir.getName());
                } catch (NumberFormatException e) {
                    LOG.warn("ignoring {}: not a queue id", queueDir);
                    continue;
                }
                ConsumeQueue cq = new ConsumeQueue(topicDir.getName(), queueId, queueDir, fileSize);
                cq.load();
                queues.computeIfAbsent(topicDir.getName(), t -> new ConcurrentHashMap<>()).put(queueId, cq);
            }
        }
    }

    public ConsumeQueue find(String topic, int queueId) {
        Map<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? null : byId.get(queueId);
    }

    public ConsumeQueue findOrCreate(String topic, int queueId) {
        ConsumeQueue cq = find(topic, queueId);
        if (cq != null) {
            return cq;
        }
        return queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).computeIfAbsent(queueId,
                id -> new ConsumeQueue(topic, id, new File(new File(root, topic), String.valueOf(id)), fileSize));
    }

    public List<ConsumeQueue> all() {
        List<ConsumeQueue> list = new ArrayList<>();
        queues.values().forEach(m -> list.addAll(m.values()));
        return list;
    }

    public Set<String> topics() {
        return queues.keySet();
    }

    /** Removes a topic's queues and their files; returns how many queues went. */
    public int deleteTopic(String topic) {
        Map<Integer, ConsumeQueue> byId = queues.remove(topic);
        if (byId == null) {
            return 0;
        }
        byId.values().forEach(ConsumeQueue::destroy);
        new File(root, topic).delete();
        LOG.info("deleted consume queues of topic {} ({} queues)", topic, byId.size());
        return byId.size();
    }

    public void flush(int leastPages) {
        for (ConsumeQueue cq : all()) {
            cq.flush(leastPages);
        }
    }

    /** Commit-log offset below which every message's entry is on disk; see {@link ConsumeQueue#firstUnflushedPhysOffset}. */
    public long firstUnflushedPhysOffset() {
        long min = Long.MAX_VALUE;
        for (ConsumeQueue cq : all()) {
            min = Math.min(min, cq.firstUnflushedPhysOffset());
        }
        return min;
    }

    public void shutdown() {
        for (ConsumeQueue cq : all()) {
            cq.shutdown();
        }
    }
}
