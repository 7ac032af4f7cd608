package io.apogee.client.consumer;

import io.apogee.common.message.MessageQueue;
import java.util.List;

/**
 * Decides which queues of a topic one consumer of a clustering group reads. Every consumer of the
 * group runs the same strategy on the same sorted inputs, so their results must not overlap and
 * together must cover every queue.
 */
public interface AllocateMessageQueueStrategy {
    /**
     * @param consumerGroup the group
     * @param currentCID this consumer's client id
     * @param mqAll every queue of the topic, sorted
     * @param cidAll every client id of the group, sorted
     * @return the queues for {@code currentCID}
     */
    List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll);

    /** The strategy's name, reported to the broker and in running info. */
    String getName();
}
