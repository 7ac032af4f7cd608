package io.apogee.client.consumer.rebalance;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prefers consumers in the queue's own machine room: the queues of a room are shared (by the inner
 * strategy) among the consumers in that room; queues of rooms without consumers are shared among all.
 */
public class AllocateMachineRoomNearby implements AllocateMessageQueueStrategy {
    /** Tells in which room a broker and a consumer are deployed. */
    public interface MachineRoomResolver {
        String brokerDeployIn(MessageQueue messageQueue);

        String consumerDeployIn(String clientID);
    }

    private final AllocateMessageQueueStrategy inner;
    private final MachineRoomResolver resolver;

    public AllocateMachineRoomNearby(AllocateMessageQueueStrategy inner, MachineRoomResolver resolver) {
        if (inner == null || resolver == null) {
            throw new IllegalArgumentException("the inner strategy and the machine room resolver are required");
        }
        this.inner = inner;
        this.resolver = resolver;
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll, List<String> cidAll) {
        if (!AllocationChecks.canAllocate(consumerGroup, currentCID, mqAll, cidAll)) {
            return List.of();
        }
        Map<String, List<MessageQueue>> queuesByRoom = new TreeMap<>();
        for (MessageQueue mq : mqAll) {
            queuesByRoom.computeIfAbsent(resolver.brokerDeployIn(mq), r -> new ArrayList<>()).add(mq);
        }
        Map<String, List<String>> consumersByRoom = new TreeMap<>();
        for (String cid : cidAll) {
            consumersByRoom.computeIfAbsent(resolver.consumerDeployIn(cid), r -> new ArrayList<>()).add(cid);
        }
        List<MessageQueue> result = new ArrayList<>();
        String myRoom = resolver.consumerDeployIn(currentCID);
        List<MessageQueue> mine = queuesByRoom.remove(myRoom);
        if (mine != null) {
            result.addAll(inner.allocate(consumerGroup, currentCID, mine, consumersByRoom.get(myRoom)));
        }
        for (Map.Entry<String, List<MessageQueue>> room : queuesByRoom.entrySet()) {
            if (!consumersByRoom.containsKey(room.getKey())) {
                result.addAll(inner.allocate(consumerGroup, currentCID, room.getValue(), cidAll));
            }
        }
        return result;
    }

    @Override
    public String getName() {
        return "MACHINE_ROOM_NEARBY-" + inner.getName();
    }
}
