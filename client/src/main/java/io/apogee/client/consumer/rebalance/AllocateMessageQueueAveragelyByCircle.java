package io.apogee.client.consumer.rebalance;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/** Round-robin: consumer i of n gets queues i, i+n, i+2n, … */
public class AllocateMessageQueueAveragelyByCircle implements AllocateMessageQueueStrategy {
    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (!AllocationChecks.canAllocate(consumerGroup, currentCID, mqAll, cidAll)) {
            return List.of();
        }
        List<MessageQueue> result = new ArrayList<>();
        for (int i = cidAll.indexOf(currentCID); i < mqAll.size(); i += cidAll.size()) {
            result.add(mqAll.get(i));
        }
        return result;
    }

    @Override
    public String getName() {
        return "AVG_BY_CIRCLE";
    }
}
