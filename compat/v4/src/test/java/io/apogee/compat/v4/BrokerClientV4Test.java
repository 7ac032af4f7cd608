package io.apogee.compat.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.admin.TopicStatsTable;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.body.ConsumerConnection;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The official 4.9.7 producer, consumers (clustering, broadcasting, orderly, lite pull) and admin tool against one Apogee standalone. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerClientV4Test {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private Standalone apogee;
    private String namesrv;
    private DefaultMQProducer producer;
    private DefaultMQAdminExt admin;
    private final List<Runnable> toStop = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        apogee = Standalone.forTests(dir).start();
        namesrv = apogee.namesrvAddr();
        producer = new DefaultMQProducer("v4-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("p-" + UUID.randomUUID());
        producer.setPollNameServerInterval(1000);
        producer.start();
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("admin-" + UUID.randomUUID());
        admin.start();
    }

    @AfterAll
    void stop() {
        toStop.forEach(Runnable::run);
        if (admin != null) {
            admin.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
        if (apogee != null) {
            apogee.shutdown();
        }
    }

    private void createTopic(String topic, int queues) throws Exception {
        admin.createAndUpdateTopicConfig(apogee.brokerAddr(), new TopicConfig(topic, queues, queues, 6));
        await().atMost(WAIT).ignoreExceptions().until(() -> !admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty());
    }

    private DefaultMQPushConsumer push(String group, String topic, String expression, List<MessageExt> sink) throws Exception {
        return push(group, topic, expression, MessageModel.CLUSTERING, sink::addAll);
    }

    /** A started push consumer whose listener hands every batch to {@code sink} and reports success. */
    private DefaultMQPushConsumer push(String group, String topic, String expression, MessageModel model,
                                       Consumer<List<MessageExt>> sink) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setMessageModel(model);
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("c-" + UUID.randomUUID());
        consumer.setPollNameServerInterval(1000);
        consumer.setPersistConsumerOffsetInterval(500);
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            sink.accept(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        toStop.add(consumer::shutdown);
        return consumer;
    }

    private void sendAll(String topic, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(message(topic, "T", prefix + i));
        }
    }

    private static int assignedQueues(DefaultMQPushConsumer consumer, String topic) {
        return (int) consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet().stream()
                .filter(mq -> mq.getTopic().equals(topic)).count();
    }

    private static Message message(String topic, String tags, String body) {
        return new Message(topic, tags, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(MessageExt msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void allSendModesToAnAutoCreatedTopicAreConsumed() throws Exception {
        String topic = "V4AutoCreated";
        assertThat(producer.send(message(topic, "A", "sync")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        AtomicReference<SendResult> async = new AtomicReference<>();
        producer.send(message(topic, "A", "async"), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                async.set(result);
            }

            @Override
            public void onException(Throwable e) {
                throw new AssertionError(e);
            }
        });
        producer.sendOneway(message(topic, "A", "oneway"));
        SendResult batch = producer.send(IntStream.range(0, 5).mapToObj(i -> message(topic, "B", "batch-" + i)).toList());
        assertThat(batch.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        await().atMost(WAIT).until(() -> async.get() != null);

        List<MessageExt> received = new CopyOnWriteArrayList<>();
        push("v4-auto-group", topic, "*", received);

        await().atMost(WAIT).until(() -> received.size() >= 8);
        assertThat(received).extracting(BrokerClientV4Test::body)
                .containsExactlyInAnyOrder("sync", "async", "oneway", "batch-0", "batch-1", "batch-2", "batch-3", "batch-4");
    }

    @Test
    void orderlyConsumerKeepsPerKeyOrder() throws Exception {
        String topic = "V4Ordered";
        createTopic(topic, 4);
        for (int seq = 0; seq < 15; seq++) {
            for (String key : List.of("a", "b", "c")) {
                producer.send(message(topic, "T", key + ":" + seq), (mqs, msg, arg) -> mqs.get(Math.abs(arg.hashCode()) % mqs.size()), key);
            }
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("v4-ordered-group");
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("o-" + UUID.randomUUID());
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, context) -> {
            msgs.forEach(m -> {
                String[] parts = body(m).split(":");
                seen.computeIfAbsent(parts[0], k -> Collections.synchronizedList(new ArrayList<>())).add(Integer.parseInt(parts[1]));
            });
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        toStop.add(consumer::shutdown);

        await().atMost(WAIT).until(() -> seen.values().stream().mapToInt(List::size).sum() >= 45);
        List<Integer> expected = IntStream.range(0, 15).boxed().toList();
        List.of("a", "b", "c").forEach(key -> assertThat(seen.get(key)).as(key).isEqualTo(expected));
    }

    @Test
    void tagFilterAndConsumeStatsReachZeroLag() throws Exception {
        String topic = "V4Tagged";
        createTopic(topic, 2);
        for (int i = 0; i < 6; i++) {
            producer.send(message(topic, i % 3 == 0 ? "TagA" : i % 3 == 1 ? "TagB" : "TagC", "t" + i));
        }
        // The client commits only past messages it consumed (or after an empty 15 s hold), so each
        // queue ends with a matching message for the lag to reach 0 at once.
        for (int queue = 0; queue < 2; queue++) {
            producer.send(message(topic, "TagB", "last-" + queue), (mqs, msg, arg) -> mqs.get((Integer) arg), queue);
        }
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = push("v4-tag-group", topic, "TagA || TagB", received);

        await().atMost(WAIT).until(() -> received.size() >= 6);
        assertThat(received).extracting(MessageExt::getTags).containsOnly("TagA", "TagB");
        // A client first persists offsets 10 s after it starts; shutting down persists them at once.
        consumer.shutdown();
        ConsumeStats stats = admin.examineConsumeStats("v4-tag-group", topic);
        assertThat(stats.getOffsetTable()).hasSize(2);
        assertThat(stats.computeTotalDiff()).isZero();
    }

    @Test
    void litePullAssignAndSeek() throws Exception {
        String topic = "V4LitePull";
        createTopic(topic, 1);
        sendAll(topic, "l", 8);
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("v4-lite-group");
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("l-" + UUID.randomUUID());
        consumer.start();
        toStop.add(consumer::shutdown);
        List<MessageQueue> queues = new ArrayList<>(consumer.fetchMessageQueues(topic));
        consumer.assign(queues);
        consumer.seek(queues.get(0), 3);

        List<MessageExt> polled = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            polled.addAll(consumer.poll(200));
            return polled.size() >= 5;
        });
        assertThat(polled).extracting(BrokerClientV4Test::body).containsExactly("l3", "l4", "l5", "l6", "l7");
    }

    @Test
    void adminStatsViewAndQuery() throws Exception {
        String topic = "V4Admin";
        createTopic(topic, 3);
        SendResult sent = producer.send(new Message(topic, "T", "key-7", "payload".getBytes(StandardCharsets.UTF_8)));

        await().atMost(WAIT).untilAsserted(() -> {
            TopicStatsTable stats = admin.examineTopicStats(topic);
            assertThat(stats.getOffsetTable()).hasSize(3);
            assertThat(stats.getOffsetTable().values().stream().mapToLong(o -> o.getMaxOffset()).sum()).isEqualTo(1);
        });
        MessageExt viewed = admin.viewMessage(sent.getOffsetMsgId());
        assertThat(body(viewed)).isEqualTo("payload");
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            QueryResult result = admin.queryMessage(topic, "key-7", 10, 0, System.currentTimeMillis() + 60_000);
            assertThat(result.getMessageList()).extracting(MessageExt::getKeys).containsExactly("key-7");
        });
    }

    @Test
    void clusteringConsumersShareTheQueuesAndGetEachMessageOnce() throws Exception {
        String topic = "V4Clustered";
        createTopic(topic, 8);
        List<List<MessageExt>> sinks = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        List<DefaultMQPushConsumer> consumers = new ArrayList<>();
        for (List<MessageExt> sink : sinks) {
            consumers.add(push("v4-clustered-group", topic, "*", sink));
        }
        await().atMost(WAIT).until(() -> consumers.stream().allMatch(c -> assignedQueues(c, topic) > 0)
                && consumers.stream().mapToInt(c -> assignedQueues(c, topic)).sum() == 8);

        sendAll(topic, "m", 90);

        await().atMost(WAIT).until(() -> sinks.stream().mapToInt(List::size).sum() >= 90);
        assertThat(sinks.stream().flatMap(List::stream).map(BrokerClientV4Test::body)).hasSize(90).doesNotHaveDuplicates();
        assertThat(sinks).allSatisfy(sink -> assertThat(sink).isNotEmpty());
    }

    @Test
    void broadcastingConsumersEachGetEverything() throws Exception {
        String topic = "V4Broadcast";
        createTopic(topic, 4);
        List<MessageExt> first = new CopyOnWriteArrayList<>();
        List<MessageExt> second = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer a = push("v4-broadcast-group", topic, "*", MessageModel.BROADCASTING, first::addAll);
        DefaultMQPushConsumer b = push("v4-broadcast-group", topic, "*", MessageModel.BROADCASTING, second::addAll);
        await().atMost(WAIT).until(() -> assignedQueues(a, topic) == 4 && assignedQueues(b, topic) == 4);

        sendAll(topic, "b", 20);

        await().atMost(WAIT).until(() -> first.size() >= 20 && second.size() >= 20);
        assertThat(first.stream().map(BrokerClientV4Test::body)).hasSize(20).doesNotHaveDuplicates();
        assertThat(second.stream().map(BrokerClientV4Test::body)).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void aRestartedConsumerResumesFromTheCommittedOffset() throws Exception {
        String topic = "V4Resume";
        createTopic(topic, 2);
        sendAll(topic, "first-", 10);
        List<MessageExt> before = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = push("v4-resume-group", topic, "*", before);
        await().atMost(WAIT).until(() -> before.size() >= 10);
        consumer.shutdown();

        sendAll(topic, "second-", 10);
        List<MessageExt> after = new CopyOnWriteArrayList<>();
        push("v4-resume-group", topic, "*", after);

        await().atMost(WAIT).until(() -> after.size() >= 10);
        assertThat(after.stream().map(BrokerClientV4Test::body)).allMatch(b -> b.startsWith("second-")).hasSize(10);
    }

    @Test
    void adminCreatesATopicAndListsTheGroupsConnections() throws Exception {
        admin.createTopic("TBW102", "V4AdminCreated", 6);
        await().atMost(WAIT).ignoreExceptions().until(() -> !admin.examineTopicRouteInfo("V4AdminCreated").getQueueDatas().isEmpty());
        assertThat(admin.examineTopicRouteInfo("V4AdminCreated").getQueueDatas()).singleElement()
                .satisfies(q -> assertThat(q.getWriteQueueNums()).isEqualTo(6));

        push("v4-connected-group", "V4AdminCreated", "TagX", new CopyOnWriteArrayList<>());
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            ConsumerConnection connection = admin.examineConsumerConnectionInfo("v4-connected-group");
            assertThat(connection.getConnectionSet()).singleElement()
                    .satisfies(c -> assertThat(c.getClientId()).contains("@c-"));
            assertThat(connection.getSubscriptionTable().get("V4AdminCreated").getTagsSet()).containsExactly("TagX");
            assertThat(connection.getMessageModel()).isEqualTo(MessageModel.CLUSTERING);
        });
    }

    /**
     * A parked pull is answered as soon as a message arrives: each of 100 messages is sent only once
     * the consumer's next pull waits on the broker; prints the send-to-listener latency distribution.
     */
    @Test
    void longPollingDeliversPromptly() throws Exception {
        String topic = "V4LongPoll";
        createTopic(topic, 1);
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = push("v4-long-poll-group", topic, "*", MessageModel.CLUSTERING, msgs -> {
            long now = System.nanoTime();
            msgs.forEach(m -> receivedAt.put(body(m), now));
        });
        await().atMost(WAIT).until(() -> assignedQueues(consumer, topic) == 1);

        long[] latenciesMicros = new long[100];
        for (int i = 0; i < latenciesMicros.length; i++) {
            String body = "p" + i;
            await().atMost(WAIT).pollInterval(Duration.ofMillis(1))
                    .until(() -> apogee.broker().pullHoldService().parkedCount(topic, 0) > 0);
            long sentAt = System.nanoTime();
            producer.send(message(topic, "T", body));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> receivedAt.containsKey(body));
            latenciesMicros[i] = (receivedAt.get(body) - sentAt) / 1000;
        }
        Arrays.sort(latenciesMicros);
        // Nearest rank: the smallest latency with at least p% of them at or below it.
        long p50 = latenciesMicros[(int) Math.ceil(0.50 * latenciesMicros.length) - 1];
        long p99 = latenciesMicros[(int) Math.ceil(0.99 * latenciesMicros.length) - 1];
        System.out.printf("long-polling: n=%d p50=%.2fms p99=%.2fms (official client 4.9.7)%n",
                latenciesMicros.length, p50 / 1000.0, p99 / 1000.0);
        assertThat(p99).as("p99 in microseconds, far below the hold's re-check interval").isLessThan(2_000_000);
    }
}
