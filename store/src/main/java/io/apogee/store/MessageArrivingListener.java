package io.apogee.store;

import java.util.Map;

/**
 * Told about every message right after it is dispatched to its consume queue, on the dispatch
 * thread: implementations (long polling) must return quickly and never block.
 * {@code logicOffset} is the queue's new max offset (the message's queue offset + 1), which is
 * what a held pull request compares its offset with.
 */
@FunctionalInterface
public interface MessageArrivingListener {
    void arriving(String topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp,
                  Map<String, String> properties);
}
