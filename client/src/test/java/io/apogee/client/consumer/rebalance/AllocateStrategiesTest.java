package io.apogee.client.consumer.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AllocateStrategiesTest {
    private static List<MessageQueue> queues(int n) {
        return IntStream.range(0, n).mapToObj(i -> new MessageQueue("T", "broker-" + (i / 4), i % 4)).toList();
    }

    private static List<String> consumers(int n) {
        return IntStream.range(0, n).mapToObj(i -> "cid-" + i).sorted().toList();
    }

    /** Every queue goes to exactly one consumer, whatever the sizes. */
    private static void assertPartition(AllocateMessageQueueStrategy strategy, int queueCount, int consumerCount) {
        List<MessageQueue> all = queues(queueCount);
        List<MessageQueue> assigned = new ArrayList<>();
        for (String cid : consumers(consumerCount)) {
            assigned.addAll(strategy.allocate("G", cid, all, consumers(consumerCount)));
        }
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(all);
    }

    @Property(tries = 50)
    void averagelyPartitions(@ForAll @IntRange(min = 1, max = 40) int q, @ForAll @IntRange(min = 1, max = 12) int c) {
        assertPartition(new AllocateMessageQueueAveragely(), q, c);
    }

    @Property(tries = 50)
    void byCirclePartitions(@ForAll @IntRange(min = 1, max = 40) int q, @ForAll @IntRange(min = 1, max = 12) int c) {
        assertPartition(new AllocateMessageQueueAveragelyByCircle(), q, c);
    }

    @Property(tries = 50)
    void consistentHashPartitions(@ForAll @IntRange(min = 1, max = 40) int q, @ForAll @IntRange(min = 1, max = 12) int c) {
        assertPartition(new AllocateMessageQueueConsistentHash(), q, c);
    }

    @Test
    void averagelyGivesContiguousBlocksWithTheRemainderFirst() {
        List<MessageQueue> all = queues(8);
        List<String> cids = consumers(3);
        AllocateMessageQueueAveragely strategy = new AllocateMessageQueueAveragely();
        assertThat(strategy.allocate("G", "cid-0", all, cids)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(strategy.allocate("G", "cid-1", all, cids)).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(strategy.allocate("G", "cid-2", all, cids)).containsExactlyElementsOf(all.subList(6, 8));
    }

    @Test
    void unknownConsumerGetsNothing() {
        assertThat(new AllocateMessageQueueAveragely().allocate("G", "stranger", queues(4), consumers(2))).isEmpty();
    }

    @Test
    void machineRoomOnlyTakesListedRooms() {
        List<MessageQueue> all = List.of(new MessageQueue("T", "hz@b1", 0), new MessageQueue("T", "hz@b1", 1),
                new MessageQueue("T", "sh@b2", 0));
        AllocateMessageQueueByMachineRoom strategy = new AllocateMessageQueueByMachineRoom();
        strategy.setConsumeridcs(Set.of("hz"));
        List<MessageQueue> assigned = new ArrayList<>();
        consumers(2).forEach(cid -> assigned.addAll(strategy.allocate("G", cid, all, consumers(2))));
        assertThat(assigned).containsExactlyInAnyOrder(all.get(0), all.get(1));
    }

    @Test
    void machineRoomNearbyPrefersLocalConsumers() {
        List<MessageQueue> all = List.of(new MessageQueue("T", "hz-b1", 0), new MessageQueue("T", "sh-b2", 0),
                new MessageQueue("T", "bj-b3", 0));
        AllocateMachineRoomNearby strategy = new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(),
                new AllocateMachineRoomNearby.MachineRoomResolver() {
                    @Override
                    public String brokerDeployIn(MessageQueue mq) {
                        return mq.getBrokerName().substring(0, 2);
                    }

                    @Override
                    public String consumerDeployIn(String clientID) {
                        return clientID.substring(0, 2);
                    }
                });
        List<String> cids = List.of("hz-c", "sh-c");
        assertThat(strategy.allocate("G", "hz-c", all, cids)).contains(all.get(0)).doesNotContain(all.get(1));
        assertThat(strategy.allocate("G", "sh-c", all, cids)).contains(all.get(1)).doesNotContain(all.get(0));
        List<MessageQueue> both = new ArrayList<>(strategy.allocate("G", "hz-c", all, cids));
        both.addAll(strategy.allocate("G", "sh-c", all, cids));
        assertThat(both).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void byConfigReturnsTheConfiguredQueues() {
        AllocateMessageQueueByConfig strategy = new AllocateMessageQueueByConfig();
        strategy.setMessageQueueList(queues(2));
        assertThat(strategy.allocate("G", "cid-0", queues(8), consumers(3))).isEqualTo(queues(2));
    }
}
