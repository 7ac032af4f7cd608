package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.MessageSelector;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.ConsumeOrderlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SelectMessageQueueByHash;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.MessageModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Push-consumer behaviour against any server: subclasses say where the name server is. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class PushConsumerScenarios {
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    protected DefaultMQProducer producer;

    protected abstract String namesrvAddr();

    @BeforeEach
    void startProducer() throws Exception {
        producer = Clients.producer(namesrvAddr());
        producer.start();
    }

    @AfterEach
    void stopClients() {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producer.shutdown();
    }

    /** A started consumer that records what it receives as (consumer index, message). */
    private DefaultMQPushConsumer start(String group, String topic, String tags, MessageModel model,
                                        MessageListenerConcurrently listener) throws Exception {
        DefaultMQPushConsumer consumer = Clients.pushConsumer(group, namesrvAddr());
        consumer.setMessageModel(model);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, tags);
        consumer.registerMessageListener(listener);
        consumer.start();
        consumers.add(consumer);
        return consumer;
    }

    private static MessageListenerConcurrently recordingInto(ConcurrentLinkedQueue<String> bodies) {
        return (msgs, ctx) -> {
            msgs.forEach(m -> bodies.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
    }

    /** Sends once so the topic exists with its queues, and returns them. */
    private List<MessageQueue> createTopic(String topic) throws Exception {
        producer.send(new Message(topic, "init", null, "init".getBytes(StandardCharsets.UTF_8)));
        return producer.fetchPublishMessageQueues(topic);
    }

    private void send(String topic, String tag, int count, String prefix) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new Message(topic, tag, null, (prefix + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void clusteringSharesQueuesAmongThreeConsumersWithoutOverlap() throws Exception {
        String topic = Names.unique("ClusterTopic");
        String group = Names.unique("CG");
        Set<MessageQueue> all = new HashSet<>(createTopic(topic));
        Map<Integer, ConcurrentLinkedQueue<String>> received = new ConcurrentHashMap<>();
        List<DefaultMQPushConsumer> group3 = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            received.put(i, new ConcurrentLinkedQueue<>());
            group3.add(start(group, topic, "*", MessageModel.CLUSTERING, recordingInto(received.get(i))));
        }
        await().atMost(DELIVERY).untilAsserted(() -> {
            List<MessageQueue> owned = new ArrayList<>();
            group3.forEach(c -> c.getAssignedMessageQueues().stream().filter(mq -> mq.getTopic().equals(topic)).forEach(owned::add));
            assertThat(owned).containsExactlyInAnyOrderElementsOf(all);
            group3.forEach(c -> assertThat(c.getAssignedMessageQueues()).anyMatch(mq -> mq.getTopic().equals(topic)));
        });

        send(topic, "TagA", 60, "m");

        await().atMost(DELIVERY).until(() -> received.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum() >= 61);
        List<String> everything = new ArrayList<>();
        received.values().forEach(everything::addAll);
        // "init" was sent before the group settled: its queue may have moved while it was being
        // consumed, and a redelivery then is RocketMQ's at-least-once. Once settled, nothing overlaps.
        List<String> afterSettling = everything.stream().filter(body -> !body.equals("init")).toList();
        assertThat(everything).contains("init");
        assertThat(afterSettling).hasSize(60).doesNotHaveDuplicates();
        assertThat(received.values()).allSatisfy(q -> assertThat(q).isNotEmpty());
    }

    @Test
    void listenerGetsBatchesOfAtMostConsumeMessageBatchMaxSize() throws Exception {
        String topic = Names.unique("BatchListenTopic");
        createTopic(topic);
        send(topic, "TagA", 40, "x");
        List<Integer> callSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = Clients.pushConsumer(Names.unique("BLG"), namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeMessageBatchMaxSize(8);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            callSizes.add(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);

        await().atMost(DELIVERY).until(() -> callSizes.stream().mapToInt(Integer::intValue).sum() >= 41);
        assertThat(callSizes).allMatch(n -> n <= 8).anyMatch(n -> n > 1);
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryConsumer() throws Exception {
        String topic = Names.unique("BroadcastTopic");
        String group = Names.unique("BG");
        createTopic(topic);
        ConcurrentLinkedQueue<String> first = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> second = new ConcurrentLinkedQueue<>();
        start(group, topic, "*", MessageModel.BROADCASTING, recordingInto(first));
        start(group, topic, "*", MessageModel.BROADCASTING, recordingInto(second));

        send(topic, "TagA", 20, "b");

        await().atMost(DELIVERY).until(() -> first.size() >= 21 && second.size() >= 21);
        assertThat(first).hasSize(21).doesNotHaveDuplicates();
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void tagFilterDeliversOnlyMatchingTags() throws Exception {
        String topic = Names.unique("TagTopic");
        createTopic(topic);
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        start(Names.unique("TG"), topic, "TagA || TagC", MessageModel.CLUSTERING, recordingInto(received));

        send(topic, "TagA", 5, "a");
        send(topic, "TagB", 5, "b");
        send(topic, "TagC", 5, "c");

        await().atMost(DELIVERY).until(() -> received.size() >= 10);
        assertThat(received).hasSize(10).allMatch(b -> b.startsWith("a") || b.startsWith("c"));
    }

    @Test
    void sqlFilterDeliversOnlyMatchingProperties() throws Exception {
        String topic = Names.unique("SqlTopic");
        createTopic(topic);
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        DefaultMQPushConsumer consumer = Clients.pushConsumer(Names.unique("SG"), namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, MessageSelector.bySql("a > 5 AND color = 'red'"));
        consumer.registerMessageListener(recordingInto(received));
        consumer.start();
        consumers.add(consumer);

        for (int i = 0; i < 10; i++) {
            Message msg = new Message(topic, "TagS", null, ("s" + i).getBytes(StandardCharsets.UTF_8));
            msg.putProperty("a", String.valueOf(i));
            msg.putProperty("color", i % 2 == 0 ? "red" : "blue");
            producer.send(msg);
        }

        await().atMost(DELIVERY).until(() -> received.size() >= 2);
        assertThat(received).containsExactlyInAnyOrder("s6", "s8");
    }

    @Test
    void malformedSqlSubscriptionFailsTheStartWithTheBrokersReason() throws Exception {
        String topic = Names.unique("BadSqlTopic");
        String group = Names.unique("BadSqlG");
        createTopic(topic);
        DefaultMQPushConsumer consumer = Clients.pushConsumer(group, namesrvAddr());
        consumer.subscribe(topic, MessageSelector.bySql("a > AND color = 'red'"));
        consumer.registerMessageListener(recordingInto(new ConcurrentLinkedQueue<>()));

        assertThatThrownBy(consumer::start).isInstanceOfSatisfying(MQClientException.class, e -> {
            System.out.println(getClass().getSimpleName() + ": malformed SQL92 refused with: " + e.getMessage());
            assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
            assertThat(e.getErrorMessage()).isNotBlank();
        });
        // The failed start left nothing behind: with a valid subscription the same consumer starts.
        consumer.subscribe(topic, "*");
        consumer.start();
        consumers.add(consumer);
    }

    @Test
    void restartedConsumerResumesWithoutDuplicates() throws Exception {
        String topic = Names.unique("RestartTopic");
        String group = Names.unique("RG");
        createTopic(topic);
        ConcurrentLinkedQueue<String> before = new ConcurrentLinkedQueue<>();
        DefaultMQPushConsumer consumer = start(group, topic, "*", MessageModel.CLUSTERING, recordingInto(before));
        send(topic, "TagA", 20, "old");
        await().atMost(DELIVERY).until(() -> before.size() >= 21);
        consumer.shutdown();
        consumers.remove(consumer);

        send(topic, "TagA", 20, "new");
        ConcurrentLinkedQueue<String> after = new ConcurrentLinkedQueue<>();
        start(group, topic, "*", MessageModel.CLUSTERING, recordingInto(after));

        await().atMost(DELIVERY).until(() -> after.size() >= 20);
        assertThat(before).hasSize(21).doesNotHaveDuplicates();
        assertThat(after).hasSize(20).allMatch(b -> b.startsWith("new")).doesNotHaveDuplicates();
    }

    @Test
    void failedMessagesAreRedeliveredFromTheRetryTopic() throws Exception {
        String topic = Names.unique("RetryTopic");
        createTopic(topic);
        Map<String, List<MessageExt>> deliveries = new ConcurrentHashMap<>();
        start(Names.unique("RetryG"), topic, "TagR", MessageModel.CLUSTERING, (msgs, ctx) -> {
            MessageExt m = msgs.get(0);
            List<MessageExt> seen = deliveries.computeIfAbsent(m.getMsgId(), k -> new ArrayList<>());
            synchronized (seen) {
                seen.add(m);
                return seen.size() < 3 ? ConsumeConcurrentlyStatus.RECONSUME_LATER : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }
        });

        producer.send(new Message(topic, "TagR", "retry-key", "retry-me".getBytes(StandardCharsets.UTF_8)));

        await().atMost(DELIVERY).until(() -> deliveries.values().stream().anyMatch(l -> l.size() >= 3));
        List<MessageExt> seen = deliveries.values().iterator().next();
        assertThat(seen).extracting(MessageExt::getTopic).containsOnly(topic);
        assertThat(seen).extracting(MessageExt::getReconsumeTimes).containsExactly(0, 1, 2);
        assertThat(seen).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8)).containsOnly("retry-me");
    }

    @Test
    void twoOrderlyConsumersSplitTheLockedQueuesAndKeepOrder() throws Exception {
        String topic = Names.unique("OrderlyPairTopic");
        String group = Names.unique("OPG");
        Set<MessageQueue> all = new HashSet<>(createTopic(topic));
        Map<String, List<Integer>> stepsByOrder = new ConcurrentHashMap<>();
        Map<Integer, Set<String>> ordersByConsumer = new ConcurrentHashMap<>();
        List<DefaultMQPushConsumer> pair = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int index = i;
            DefaultMQPushConsumer consumer = Clients.pushConsumer(group, namesrvAddr());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "TagO");
            consumer.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    String[] parts = new String(m.getBody(), StandardCharsets.UTF_8).split(":");
                    stepsByOrder.computeIfAbsent(parts[0], k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                            .add(Integer.parseInt(parts[1]));
                    ordersByConsumer.computeIfAbsent(index, k -> ConcurrentHashMap.newKeySet()).add(parts[0]);
                }
                return ConsumeOrderlyStatus.SUCCESS;
            });
            consumer.start();
            consumers.add(consumer);
            pair.add(consumer);
        }
        await().atMost(DELIVERY).untilAsserted(() -> {
            List<MessageQueue> owned = new ArrayList<>();
            pair.forEach(c -> c.getAssignedMessageQueues().stream().filter(mq -> mq.getTopic().equals(topic)).forEach(owned::add));
            assertThat(owned).containsExactlyInAnyOrderElementsOf(all);
        });

        List<String> orders = List.of("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8");
        for (int step = 0; step < 10; step++) {
            for (String order : orders) {
                producer.send(new Message(topic, "TagO", null, (order + ":" + step).getBytes(StandardCharsets.UTF_8)),
                        new SelectMessageQueueByHash(), order);
            }
        }

        List<Integer> expected = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(new HashMap<>(stepsByOrder))
                .containsOnlyKeys(orders).allSatisfy((order, steps) -> assertThat(steps).isEqualTo(expected)));
        assertThat(ordersByConsumer).hasSize(2);
        assertThat(ordersByConsumer.get(0)).doesNotContainAnyElementsOf(ordersByConsumer.get(1));
    }

    @Test
    void orderlyConsumerKeepsPerKeyOrderAndHonoursSuspend() throws Exception {
        String topic = Names.unique("OrderlyTopic");
        createTopic(topic);
        Map<String, List<Integer>> stepsByOrder = new ConcurrentHashMap<>();
        AtomicBoolean suspendedOnce = new AtomicBoolean();
        DefaultMQPushConsumer consumer = Clients.pushConsumer(Names.unique("OG"), namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "TagO");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                String[] parts = new String(m.getBody(), StandardCharsets.UTF_8).split(":");
                if (parts[1].equals("5") && suspendedOnce.compareAndSet(false, true)) {
                    return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
                stepsByOrder.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);

        for (int step = 0; step < 10; step++) {
            for (String order : List.of("o1", "o2", "o3")) {
                producer.send(new Message(topic, "TagO", null, (order + ":" + step).getBytes(StandardCharsets.UTF_8)),
                        new SelectMessageQueueByHash(), order);
            }
        }

        List<Integer> expected = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(new HashMap<>(stepsByOrder))
                .containsOnlyKeys("o1", "o2", "o3").allSatisfy((order, steps) -> assertThat(steps).isEqualTo(expected)));
        assertThat(suspendedOnce).isTrue();
    }
}
