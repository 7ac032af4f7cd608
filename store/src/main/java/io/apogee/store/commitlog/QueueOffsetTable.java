package io.apogee.store.commitlog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Next queue offset per topic-queue, consulted and advanced under the commit log's append lock
 * (not thread-safe by itself). Arrays indexed by queue id keep the per-put lookup allocation-free.
 */
final class QueueOffsetTable {
    private final Map<String, long[]> table = new HashMap<>();

    long get(String topic, int queueId) {
        long[] offsets = table.get(topic);
        return offsets == null || queueId >= offsets.length ? 0 : offsets[queueId];
    }

    void set(String topic, int queueId, long next) {
        long[] offsets = table.get(topic);
        if (offsets == null || queueId >= offsets.length) {
            offsets = offsets == null ? new long[Math.max(8, queueId + 1)]
                    : Arrays.copyOf(offsets, Math.max(offsets.length * 2, queueId + 1));
            table.put(topic, offsets);
        }
        offsets[queueId] = next;
    }

    void remove(String topic) {
        table.remove(topic);
    }

    void clear() {
        table.clear();
    }
}
