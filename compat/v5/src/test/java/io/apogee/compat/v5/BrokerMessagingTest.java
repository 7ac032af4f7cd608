package io.apogee.compat.v5;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
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
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The official 5.2.0 producer and consumers against one Apogee standalone (name server + broker). */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerMessagingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private Standalone apogee;
    private String namesrv;
    private DefaultMQProducer producer;
    private DefaultMQAdminExt admin;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        apogee = Standalone.forTests(dir).start();
        namesrv = apogee.namesrvAddr();
        producer = BrokerTestClients.producer(namesrv, "messaging-producer");
        producer.start();
        admin = BrokerTestClients.admin(namesrv);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
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
        TopicConfig config = new TopicConfig(topic, queues, queues, 6);
        admin.createAndUpdateTopicConfig(apogee.brokerAddr(), config);
        await().atMost(WAIT).until(() -> {
            try {
                return !admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
    }

    private DefaultMQPushConsumer startPush(String group, String topic, String expression, MessageModel model,
                                            List<MessageExt> sink) throws Exception {
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, group);
        consumer.setMessageModel(model);
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            sink.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        toClose.add(consumer::shutdown);
        return consumer;
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
    void syncAsyncOnewayAndBatchSendsToAnAutoCreatedTopicAreAllConsumed() throws Exception {
        String topic = "AutoCreated";
        SendResult sync = producer.send(message(topic, "TagA", "sync"));
        assertThat(sync.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(sync.getOffsetMsgId()).hasSize(32);
        assertThat(sync.getRegionId()).isEqualTo("DefaultRegion");

        AtomicReference<SendResult> async = new AtomicReference<>();
        producer.send(message(topic, "TagA", "async"), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                async.set(result);
            }

            @Override
            public void onException(Throwable e) {
                throw new AssertionError(e);
            }
        });
        producer.sendOneway(message(topic, "TagA", "oneway"));
        List<Message> batch = IntStream.range(0, 10).mapToObj(i -> message(topic, "TagB", "batch-" + i)).toList();
        SendResult batchResult = producer.send(batch);
        assertThat(batchResult.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(batchResult.getMsgId().split(",")).hasSize(10);
        await().atMost(WAIT).until(() -> async.get() != null);

        List<MessageExt> received = new CopyOnWriteArrayList<>();
        startPush("auto-created-group", topic, "*", MessageModel.CLUSTERING, received);

        await().atMost(WAIT).until(() -> received.size() >= 13);
        List<String> expected = new ArrayList<>(List.of("sync", "async", "oneway"));
        IntStream.range(0, 10).forEach(i -> expected.add("batch-" + i));
        assertThat(received.stream().map(BrokerMessagingTest::body)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> batchIds = Set.of(batchResult.getMsgId().split(","));
        assertThat(received.stream().filter(m -> body(m).startsWith("batch-")).map(MessageExt::getMsgId)).hasSize(10)
                .allMatch(batchIds::contains);
    }

    @Test
    void orderlyConsumerSeesEveryKeyInSendOrder() throws Exception {
        String topic = "Ordered";
        createTopic(topic, 8);
        List<String> keys = List.of("k1", "k2", "k3", "k4", "k5");
        for (int seq = 0; seq < 20; seq++) {
            for (String key : keys) {
                SendResult result = producer.send(message(topic, "T", key + ":" + seq),
                        (mqs, msg, arg) -> mqs.get(Math.abs(arg.hashCode()) % mqs.size()), key);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "ordered-group");
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, context) -> {
            for (MessageExt msg : msgs) {
                String[] parts = body(msg).split(":");
                seen.computeIfAbsent(parts[0], k -> Collections.synchronizedList(new ArrayList<>())).add(Integer.parseInt(parts[1]));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        toClose.add(consumer::shutdown);

        await().atMost(WAIT).until(() -> seen.values().stream().mapToInt(List::size).sum() >= 100);
        List<Integer> expected = IntStream.range(0, 20).boxed().toList();
        keys.forEach(key -> assertThat(seen.get(key)).as("order of " + key).isEqualTo(expected));
    }

    @Test
    void clusteringConsumersShareTheQueuesAndGetEachMessageOnce() throws Exception {
        String topic = "Clustered";
        createTopic(topic, 8);
        List<List<MessageExt>> sinks = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        List<DefaultMQPushConsumer> consumers = new ArrayList<>();
        for (List<MessageExt> sink : sinks) {
            consumers.add(startPush("clustered-group", topic, "*", MessageModel.CLUSTERING, sink));
        }
        await().atMost(WAIT).until(() -> consumers.stream().allMatch(c -> assignedQueues(c, topic) > 0)
                && consumers.stream().mapToInt(c -> assignedQueues(c, topic)).sum() == 8);

        for (int i = 0; i < 90; i++) {
            producer.send(message(topic, "T", "m" + i));
        }

        await().atMost(WAIT).until(() -> sinks.stream().mapToInt(List::size).sum() >= 90);
        List<String> all = sinks.stream().flatMap(List::stream).map(BrokerMessagingTest::body).toList();
        assertThat(all).hasSize(90).doesNotHaveDuplicates();
        assertThat(sinks).allSatisfy(sink -> assertThat(sink).isNotEmpty());
    }

    @Test
    void broadcastingConsumersEachGetEverything() throws Exception {
        String topic = "Broadcast";
        createTopic(topic, 4);
        List<MessageExt> first = new CopyOnWriteArrayList<>();
        List<MessageExt> second = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer a = startPush("broadcast-group", topic, "*", MessageModel.BROADCASTING, first);
        DefaultMQPushConsumer b = startPush("broadcast-group", topic, "*", MessageModel.BROADCASTING, second);
        await().atMost(WAIT).until(() -> assignedQueues(a, topic) == 4 && assignedQueues(b, topic) == 4);

        for (int i = 0; i < 20; i++) {
            producer.send(message(topic, "T", "b" + i));
        }

        await().atMost(WAIT).until(() -> first.size() >= 20 && second.size() >= 20);
        assertThat(first.stream().map(BrokerMessagingTest::body)).hasSize(20).doesNotHaveDuplicates();
        assertThat(second.stream().map(BrokerMessagingTest::body)).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void aRestartedConsumerResumesFromTheCommittedOffset() throws Exception {
        String topic = "Resume";
        createTopic(topic, 2);
        for (int i = 0; i < 10; i++) {
            producer.send(message(topic, "T", "first-" + i));
        }
        List<MessageExt> before = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = startPush("resume-group", topic, "*", MessageModel.CLUSTERING, before);
        await().atMost(WAIT).until(() -> before.size() >= 10);
        consumer.shutdown();

        for (int i = 0; i < 10; i++) {
            producer.send(message(topic, "T", "second-" + i));
        }
        List<MessageExt> after = new CopyOnWriteArrayList<>();
        startPush("resume-group", topic, "*", MessageModel.CLUSTERING, after);

        await().atMost(WAIT).until(() -> after.size() >= 10);
        assertThat(after.stream().map(BrokerMessagingTest::body)).allMatch(b -> b.startsWith("second-")).hasSize(10);
    }

    @Test
    void tagExpressionSelectsOnlyMatchingTags() throws Exception {
        String topic = "Tagged";
        createTopic(topic, 1);
        for (int i = 0; i < 5; i++) {
            producer.send(message(topic, "TagA", "a" + i));
            producer.send(message(topic, "TagB", "b" + i));
            producer.send(message(topic, "TagC", "c" + i));
        }
        producer.send(message(topic, "TagB", "last"));
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        startPush("tag-group", topic, "TagA || TagB", MessageModel.CLUSTERING, received);

        await().atMost(WAIT).until(() -> received.stream().anyMatch(m -> body(m).equals("last")) && received.size() >= 11);
        assertThat(received).extracting(MessageExt::getTags).containsOnly("TagA", "TagB").hasSize(11);
    }

    @Test
    void litePullConsumerAssignsAndSeeks() throws Exception {
        String topic = "LitePull";
        createTopic(topic, 1);
        for (int i = 0; i < 10; i++) {
            producer.send(message(topic, "T", "l" + i));
        }
        DefaultLitePullConsumer consumer = BrokerTestClients.litePullConsumer(namesrv, "lite-group");
        consumer.start();
        toClose.add(consumer::shutdown);
        List<MessageQueue> queues = new ArrayList<>(consumer.fetchMessageQueues(topic));
        consumer.assign(queues);
        consumer.seek(queues.get(0), 5);

        List<MessageExt> polled = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            polled.addAll(consumer.poll(200));
            return polled.size() >= 5;
        });
        assertThat(polled).extracting(MessageExt::getQueueOffset).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(polled).extracting(BrokerMessagingTest::body).containsExactly("l5", "l6", "l7", "l8", "l9");
    }

    /**
     * A parked pull is answered as soon as a message arrives: each of 100 messages is sent only once
     * the consumer's next pull waits on the broker; prints the send-to-listener latency distribution.
     */
    @Test
    void longPollingDeliversPromptly() throws Exception {
        String topic = "LongPoll";
        createTopic(topic, 1);
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "long-poll-group");
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            long now = System.nanoTime();
            msgs.forEach(m -> receivedAt.put(body(m), now));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        toClose.add(consumer::shutdown);
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
        long p50 = percentile(latenciesMicros, 50);
        long p99 = percentile(latenciesMicros, 99);
        System.out.printf("long-polling: n=%d p50=%.2fms p99=%.2fms (official client 5.2.0)%n",
                latenciesMicros.length, p50 / 1000.0, p99 / 1000.0);
        assertThat(p99).as("p99 in microseconds, far below the hold's re-check interval").isLessThan(2_000_000);
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least p% of them at or below it. */
    private static long percentile(long[] sorted, int p) {
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }
}
