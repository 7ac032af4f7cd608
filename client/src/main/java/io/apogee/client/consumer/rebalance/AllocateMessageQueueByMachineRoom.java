package io.apogee.client.consumer.rebalance;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * For broker names of the form {@code room@brokerName}: only queues in the rooms listed with
 * {@link #setConsumeridcs} are consumed, spread evenly over the group.
 */
public class AllocateMessageQueueByMachineRoom implements AllocateMessageQueueStrategy {
    private Set<String> consumeridcs = Set.of();

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (!AllocationChecks.canAllocate(consumerGroup, currentCID, mqAll, cidAll)) {
            return List.of();
        }
        List<MessageQueue> inRooms = new ArrayList<>();
        for (MessageQueue mq : mqAll) {
            String[] parts = mq.getBrokerName().split("@");
            if (parts.length == 2 && consumeridcs.contains(parts[0])) {
                inRooms.add(mq);
            }
        }
        int index = cidAll.indexOf(currentCID);
        int perConsumer = inRooms.size() / cidAll.size();
        int rest = inRooms.size() % cidAll.size();
        List<MessageQueue> result = new ArrayList<>(inRooms.subList(index * perConsumer, (index + 1) * perConsumer));
        if (index < rest) {
            result.add(inRooms.get(perConsumer * cidAll.size() + index));
        }
        return result;
    }

    @Override
    public String getName() {
        return "MACHINE_ROOM";
    }

    public Set<String> getConsumeridcs() {
        return consumeridcs;
    }

    public void setConsumeridcs(Set<String> consumeridcs) {
        this.consumeridcs = Set.copyOf(consumeridcs);
    }
}
