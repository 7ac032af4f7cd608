package io.apogee.client.consumer.rebalance;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * Contiguous blocks: with 8 queues and 3 consumers, the first gets queues 0-2, the second 3-5, the
 * third 6-7 (the first {@code queues mod consumers} consumers get one extra). The default strategy.
 */
public class AllocateMessageQueueAveragely implements AllocateMessageQueueStrategy {
    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (!AllocationChecks.canAllocate(consumerGroup, currentCID, mqAll, cidAll)) {
            return List.of();
        }
        int index = cidAll.indexOf(currentCID);
        int queues = mqAll.size();
        int consumers = cidAll.size();
        int base = queues / consumers;
        int extra = queues % consumers;
        int size = index < extra ? base + 1 : base;
        int start = index * base + Math.min(index, extra);
        List<MessageQueue> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            result.add(mqAll.get(start + i));
        }
        return result;
    }

    @Override
    public String getName() {
        return "AVG";
    }
}
