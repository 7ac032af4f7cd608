package io.apogee.client.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageQueue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectMessageQueueByMachineRoomTest {
    private static final Message MSG = new Message("T", new byte[] {1});
    private static final List<MessageQueue> QUEUES = List.of(
            new MessageQueue("T", "room1@broker-a", 0), new MessageQueue("T", "room1@broker-a", 1),
            new MessageQueue("T", "room2@broker-b", 0), new MessageQueue("T", "plain-broker", 0));

    @Test
    void picksOnlyQueuesOfTheListedRoomsAndTheSameOneForTheSameArgument() {
        SelectMessageQueueByMachineRoom selector = new SelectMessageQueueByMachineRoom();
        selector.setConsumeridcs(Set.of("room1"));
        Set<MessageQueue> picked = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            picked.add(selector.select(QUEUES, MSG, "order-" + i));
            picked.add(selector.select(QUEUES, MSG, null));
        }
        assertThat(picked).containsExactlyInAnyOrder(QUEUES.get(0), QUEUES.get(1));
        assertThat(selector.select(QUEUES, MSG, "order-7")).isEqualTo(selector.select(QUEUES, MSG, "order-7"));
    }

    @Test
    void fallsBackToEveryQueueWhenNoRoomMatches() {
        SelectMessageQueueByMachineRoom selector = new SelectMessageQueueByMachineRoom();
        selector.setConsumeridcs(Set.of("room9"));
        Set<MessageQueue> picked = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            picked.add(selector.select(QUEUES, MSG, i));
        }
        assertThat(picked).containsExactlyInAnyOrderElementsOf(QUEUES);
    }
}
