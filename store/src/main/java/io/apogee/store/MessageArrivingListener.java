package io.apogee.store;

import java.util.Map;

/**
 * Told about every message right after it is dispatched to its consume queue, on the dispatch
 * thread: implementations (long polling) must return quickly and never block.
 */
@FunctionalInterface
public interface MessageArrivingListener {
    void arriving(String topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp,
                  Map<String, String> properties);
}
