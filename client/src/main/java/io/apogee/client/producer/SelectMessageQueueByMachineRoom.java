package io.apogee.client.producer;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageQueue;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps messages in the machine rooms listed with {@link #setConsumeridcs}, for broker names of the
 * form {@code room@brokerName} (the convention of {@code AllocateMessageQueueByMachineRoom}). Among
 * the queues of those rooms the argument picks one as {@link SelectMessageQueueByHash} does (at random
 * when it is null). When no queue lies in a listed room every queue is a candidate, so a send never
 * fails just because a room is empty.
 */
public class SelectMessageQueueByMachineRoom implements MessageQueueSelector {
    private Set<String> consumeridcs = Set.of();

    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        List<MessageQueue> inRooms = mqs.stream().filter(this::inListedRoom).toList();
        List<MessageQueue> candidates = inRooms.isEmpty() ? mqs : inRooms;
        int index = arg == null ? ThreadLocalRandom.current().nextInt(candidates.size()) : Math.floorMod(arg.hashCode(), candidates.size());
        return candidates.get(index);
    }

    private boolean inListedRoom(MessageQueue mq) {
        int at = mq.getBrokerName().indexOf('@');
        return at >= 0 && consumeridcs.contains(mq.getBrokerName().substring(0, at));
    }

    public Set<String> getConsumeridcs() {
        return consumeridcs;
    }

    public void setConsumeridcs(Set<String> consumeridcs) {
        this.consumeridcs = Set.copyOf(consumeridcs);
    }
}
