package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apogee's client and the official 5.2.0 client side by side on one Apogee server: consumers of
 * both kinds share one group's queues, and each kind of producer feeds the other kind of consumer.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApogeeClientMixedTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private Standalone apogee;
    private String namesrv;
    private DefaultMQAdminExt admin;
    private final List<Runnable> toStop = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        apogee = Standalone.forTests(dir).start();
        namesrv = apogee.namesrvAddr();
        admin = BrokerTestClients.admin(namesrv);
    }

    @AfterAll
    void stop() {
        toStop.forEach(Runnable::run);
        if (admin != null) {
            admin.shutdown();
        }
        if (apogee != null) {
            apogee.shutdown();
        }
    }

    private void createTopic(String topic, int queues) throws Exception {
        admin.createAndUpdateTopicConfig(apogee.brokerAddr(), new TopicConfig(topic, queues, queues, 6));
        await().atMost(WAIT).ignoreExceptions().until(() -> !admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty());
    }

    private DefaultMQPushConsumer officialConsumer(String group, String topic, ConcurrentLinkedQueue<MessageExt> sink) throws Exception {
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, group);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            sink.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        toStop.add(consumer::shutdown);
        return consumer;
    }

    private io.apogee.client.consumer.DefaultMQPushConsumer apogeeConsumer(String group, String topic,
            ConcurrentLinkedQueue<io.apogee.common.message.MessageExt> sink) throws Exception {
        io.apogee.client.consumer.DefaultMQPushConsumer consumer = new io.apogee.client.consumer.DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("apogee-" + System.nanoTime());
        consumer.setPollNameServerInterval(1000);
        consumer.setPersistConsumerOffsetInterval(1000);
        consumer.setConsumeFromWhere(io.apogee.protocol.body.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((io.apogee.client.consumer.listener.MessageListenerConcurrently) (msgs, context) -> {
            sink.addAll(msgs);
            return io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        toStop.add(consumer::shutdown);
        return consumer;
    }

    private io.apogee.client.producer.DefaultMQProducer apogeeProducer() throws Exception {
        io.apogee.client.producer.DefaultMQProducer producer = new io.apogee.client.producer.DefaultMQProducer("apogee-pg-" + System.nanoTime());
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("apogee-" + System.nanoTime());
        producer.start();
        toStop.add(producer::shutdown);
        return producer;
    }

    private DefaultMQProducer officialProducer() throws Exception {
        DefaultMQProducer producer = BrokerTestClients.producer(namesrv, "official-pg-" + System.nanoTime());
        producer.start();
        toStop.add(producer::shutdown);
        return producer;
    }

    @Test
    void officialAndApogeeConsumersShareOneGroupWithoutOverlap() throws Exception {
        String topic = "MixedGroupTopic";
        String group = "mixed-group";
        createTopic(topic, 8);
        ConcurrentLinkedQueue<MessageExt> officialGot = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<io.apogee.common.message.MessageExt> apogeeGot = new ConcurrentLinkedQueue<>();
        DefaultMQPushConsumer official = officialConsumer(group, topic, officialGot);
        io.apogee.client.consumer.DefaultMQPushConsumer ours = apogeeConsumer(group, topic, apogeeGot);

        await().atMost(WAIT).untilAsserted(() -> {
            Set<String> officialQueues = official.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet()
                    .stream().filter(mq -> mq.getTopic().equals(topic)).map(mq -> mq.getBrokerName() + "/" + mq.getQueueId())
                    .collect(Collectors.toSet());
            Set<String> ourQueues = ours.getAssignedMessageQueues().stream().filter(mq -> mq.getTopic().equals(topic))
                    .map(mq -> mq.getBrokerName() + "/" + mq.getQueueId()).collect(Collectors.toSet());
            assertThat(officialQueues).hasSize(4).doesNotContainAnyElementsOf(ourQueues);
            assertThat(ourQueues).hasSize(4);
        });

        DefaultMQProducer producer = officialProducer();
        for (int i = 0; i < 80; i++) {
            producer.send(new Message(topic, "TagM", ("mixed-" + i).getBytes(StandardCharsets.UTF_8)));
        }

        await().atMost(WAIT).until(() -> officialGot.size() + apogeeGot.size() >= 80);
        List<String> all = new ArrayList<>();
        officialGot.forEach(m -> all.add(new String(m.getBody(), StandardCharsets.UTF_8)));
        apogeeGot.forEach(m -> all.add(new String(m.getBody(), StandardCharsets.UTF_8)));
        assertThat(all).hasSize(80).doesNotHaveDuplicates();
        assertThat(officialGot).isNotEmpty();
        assertThat(apogeeGot).isNotEmpty();
    }

    @Test
    void apogeeProducerFeedsTheOfficialConsumer() throws Exception {
        String topic = "ApogeeToOfficialTopic";
        createTopic(topic, 4);
        ConcurrentLinkedQueue<MessageExt> got = new ConcurrentLinkedQueue<>();
        officialConsumer("official-reader", topic, got);
        io.apogee.client.producer.DefaultMQProducer producer = apogeeProducer();

        io.apogee.common.message.Message plain = new io.apogee.common.message.Message(topic, "TagP", "key-1",
                "plain".getBytes(StandardCharsets.UTF_8));
        plain.putProperty("color", "blue");
        String plainId = producer.send(plain).getMsgId();
        String bigBody = "z".repeat(50_000);
        String bigId = producer.send(new io.apogee.common.message.Message(topic, "TagBig", null,
                bigBody.getBytes(StandardCharsets.UTF_8))).getMsgId();
        List<io.apogee.common.message.Message> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(new io.apogee.common.message.Message(topic, "TagBatch", null, ("batch-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Set<String> batchIds = Set.of(producer.send(batch).getMsgId().split(","));

        await().atMost(WAIT).until(() -> got.size() >= 7);
        Map<String, MessageExt> byId = new ConcurrentHashMap<>();
        got.forEach(m -> byId.put(m.getMsgId(), m));
        assertThat(byId).containsKeys(plainId, bigId).containsKeys(batchIds.toArray(new String[0]));
        MessageExt received = byId.get(plainId);
        assertThat(received.getTags()).isEqualTo("TagP");
        assertThat(received.getKeys()).isEqualTo("key-1");
        assertThat(received.getUserProperty("color")).isEqualTo("blue");
        assertThat(new String(byId.get(bigId).getBody(), StandardCharsets.UTF_8)).isEqualTo(bigBody);
    }

    @Test
    void officialProducerFeedsTheApogeeConsumer() throws Exception {
        String topic = "OfficialToApogeeTopic";
        createTopic(topic, 4);
        ConcurrentLinkedQueue<io.apogee.common.message.MessageExt> got = new ConcurrentLinkedQueue<>();
        apogeeConsumer("apogee-reader", topic, got);
        DefaultMQProducer producer = officialProducer();

        Set<String> sentIds = new HashSet<>();
        Message msg = new Message(topic, "TagQ", "key-2", "from official".getBytes(StandardCharsets.UTF_8));
        msg.putUserProperty("size", "L");
        sentIds.add(producer.send(msg).getMsgId());
        String bigBody = "y".repeat(50_000);
        sentIds.add(producer.send(new Message(topic, "TagBig", bigBody.getBytes(StandardCharsets.UTF_8))).getMsgId());

        await().atMost(WAIT).until(() -> got.size() >= 2);
        assertThat(got).extracting(io.apogee.common.message.MessageExt::getMsgId).containsExactlyInAnyOrderElementsOf(sentIds);
        io.apogee.common.message.MessageExt tagged = got.stream().filter(m -> "TagQ".equals(m.getTags())).findFirst().orElseThrow();
        assertThat(tagged.getKeys()).isEqualTo("key-2");
        assertThat(tagged.getUserProperty("size")).isEqualTo("L");
        assertThat(got).anySatisfy(m -> assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo(bigBody));
    }
}
