package io.apogee.client.consumer.store;

import io.apogee.common.message.MessageQueue;
import java.util.Map;
import java.util.Set;

/**
 * A consumer group's progress per queue: the next offset to consume. Updated in memory as messages
 * are consumed and persisted periodically, on rebalance and at shutdown.
 */
public interface OffsetStore {
    /** Loads what was persisted before (local file store); nothing for the broker store. */
    void load();

    /** @param increaseOnly ignore the update when it would move the offset backwards */
    void updateOffset(MessageQueue mq, long offset, boolean increaseOnly);

    /** The offset, or -1 when none is known (-2 when the store could not be asked). */
    long readOffset(MessageQueue mq, ReadOffsetType type);

    /** Persists the offsets of these queues (and only these; others are forgotten). */
    void persistAll(Set<MessageQueue> mqs);

    void persist(MessageQueue mq);

    void removeOffset(MessageQueue mq);

    /** A copy of the in-memory offsets of one topic (all topics when null). */
    Map<MessageQueue, Long> cloneOffsetTable(String topic);
}
