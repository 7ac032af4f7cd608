package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.CMResult;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.protocol.body.ConsumeStats;
import io.apogee.protocol.body.ConsumerConnection;
import io.apogee.protocol.body.ConsumerRunningInfo;
import io.apogee.protocol.body.OffsetWrapper;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.body.TopicOffset;
import io.apogee.protocol.route.QueueData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin client against any server: subclasses say where the name server is. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class AdminScenarios {
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    protected abstract String namesrvAddr();

    @BeforeEach
    void start() throws Exception {
        admin = Clients.configure(new DefaultMQAdminExt(Names.unique("admin")), namesrvAddr());
        admin.start();
        producer = Clients.producer(namesrvAddr());
        producer.start();
    }

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.shutdown();
        }
        producer.shutdown();
        admin.shutdown();
    }

    private String cluster() throws Exception {
        return admin.examineBrokerClusterInfo().getClusterAddrTable().keySet().iterator().next();
    }

    @Test
    void topicLifecycleAndStats() throws Exception {
        String topic = Names.unique("AdminTopic");
        admin.createTopic(cluster(), topic, 3);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(admin.examineTopicRouteInfo(topic).getQueueDatas()).extracting(QueueData::getWriteQueueNums).containsOnly(3));
        assertThat(admin.fetchAllTopicList().getTopicList()).contains(topic);

        for (int i = 0; i < 5; i++) {
            producer.send(new Message(topic, "TagA", "key-" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
        // Queue offsets are assigned as the broker dispatches what it stored, a moment after the sends returned.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.examineTopicStats(topic).getOffsetTable().values().stream().mapToLong(TopicOffset::getMaxOffset).sum())
                        .isEqualTo(5));

        admin.deleteTopic(topic, cluster());
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.fetchAllTopicList().getTopicList().contains(topic));
    }

    @Test
    void subscriptionGroupLifecycle() throws Exception {
        String group = Names.unique("AdminGroup");
        String broker = admin.examineBrokerClusterInfo().getBrokerAddrTable().values().iterator().next().masterAddr();
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName(group);
        config.setRetryMaxTimes(3);
        admin.createAndUpdateSubscriptionGroupConfig(broker, config);

        assertThat(admin.examineSubscriptionGroupConfig(broker, group).getRetryMaxTimes()).isEqualTo(3);

        admin.deleteSubscriptionGroup(broker, group, true);
        assertThatThrownBy(() -> admin.examineSubscriptionGroupConfig(broker, group)).isInstanceOf(MQBrokerException.class);
    }

    @Test
    void messagesCanBeFoundByOffsetIdKeyAndUniqueId() throws Exception {
        String topic = Names.unique("QueryTopic");
        SendResult sent = producer.send(new Message(topic, "TagA", "order-77", "find me".getBytes(StandardCharsets.UTF_8)));

        MessageExt byOffsetId = admin.viewMessage(sent.getOffsetMsgId());
        assertThat(new String(byOffsetId.getBody(), StandardCharsets.UTF_8)).isEqualTo("find me");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(admin.queryMessage(topic, "order-77", 32, 0, System.currentTimeMillis() + 60_000).getMessageList())
                    .extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8)).containsExactly("find me");
            assertThat(admin.viewMessage(topic, sent.getMsgId())).isNotNull();
        });
    }

    @Test
    void consumerProgressConnectionsRunningInfoAndOffsetReset() throws Exception {
        String topic = Names.unique("ProgressTopic");
        String group = Names.unique("ProgressG");
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, "TagA", null, ("p" + i).getBytes(StandardCharsets.UTF_8)));
        }
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        startConsumer(group, topic, c -> { }, (msgs, ctx) -> {
            msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 10);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ConsumeStats stats = admin.examineConsumeStats(group, topic);
            assertThat(stats.getOffsetTable().values().stream().mapToLong(OffsetWrapper::getConsumerOffset).sum()).isEqualTo(10);
            assertThat(stats.getOffsetTable().values()).allSatisfy(w -> assertThat(w.getConsumerOffset()).isEqualTo(w.getBrokerOffset()));
        });
        ConsumerConnection connection = admin.examineConsumerConnectionInfo(group);
        assertThat(connection.getConnectionSet()).hasSize(1);
        String clientId = connection.getConnectionSet().iterator().next().getClientId();
        ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, clientId, false);
        assertThat(info.getMqTable().keySet()).anyMatch(mq -> mq.getTopic().equals(topic));
        Map<String, Map<MessageQueue, Long>> status = admin.getConsumeStatus(topic, group, null);
        assertThat(status).containsOnlyKeys(clientId);
        assertThat(status.get(clientId).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);

        admin.resetOffsetByTimestamp(topic, group, 0, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 20);
        assertThat(received).hasSize(20);
    }

    @Test
    void resetToAMidStreamTimestampReplaysExactlyTheMessagesStoredSince() throws Exception {
        String topic = Names.unique("ReplayTopic");
        String group = Names.unique("ReplayG");
        List<String> before = send(topic, "before", 8);
        // Everything sent so far is stored by now; whatever is sent once the clock has passed resetTo is stored later.
        long resetTo = System.currentTimeMillis() + 1;
        await().pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > resetTo);
        List<String> after = send(topic, "after", 8);
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        startConsumer(group, topic, c -> { }, (msgs, ctx) -> {
            msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 16);
        assertThat(received).containsExactlyInAnyOrderElementsOf(concat(before, after));
        received.clear();

        admin.resetOffsetByTimestamp(topic, group, resetTo, true);

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= after.size());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> received.size() == after.size());
        assertThat(received).containsExactlyInAnyOrderElementsOf(after);
    }

    @Test
    void topicWideCacheLimitIsSharedByTheQueuesAsRunningInfoShows() throws Exception {
        String topic = Names.unique("ThrottledTopic");
        String group = Names.unique("ThrottledG");
        send(topic, "m", 40);
        CountDownLatch release = new CountDownLatch(1);
        startConsumer(group, topic, c -> {
            c.setConsumeThreadMin(1);
            c.setConsumeThreadMax(1);
            c.setPullBatchSize(1);
            // Four queues share 4 messages: each may hold 1 before pulling stops (plus the one batch that crossed the line).
            c.setPullThresholdForTopic(4);
        }, (msgs, ctx) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            String clientId = await().atMost(Duration.ofSeconds(30)).until(
                    () -> admin.examineConsumerConnectionInfo(group).getConnectionSet(), set -> !set.isEmpty()).iterator().next().getClientId();
            await().atMost(Duration.ofSeconds(30)).until(() -> cached(group, clientId, topic) >= 4);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> cached(group, clientId, topic) <= 8);
        } finally {
            release.countDown();
        }
    }

    @Test
    void storedMessageIsHandedDirectlyToTheNamedConsumer() throws Exception {
        String topic = Names.unique("DirectTopic");
        String group = Names.unique("DirectG");
        SendResult sent = producer.send(new Message(topic, "TagA", "direct-key", "direct".getBytes(StandardCharsets.UTF_8)));
        ConcurrentLinkedQueue<MessageExt> seen = new ConcurrentLinkedQueue<>();
        startConsumer(group, topic, c -> { }, (msgs, ctx) -> {
            seen.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !seen.isEmpty());
        String clientId = admin.examineConsumerConnectionInfo(group).getConnectionSet().iterator().next().getClientId();

        ConsumeMessageDirectlyResult result = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> admin.consumeMessageDirectly(group, clientId, topic, sent.getMsgId()), r -> r != null);

        assertThat(result.getConsumeResult()).isEqualTo(CMResult.CR_SUCCESS);
        assertThat(result.isOrder()).isFalse();
        assertThat(seen).hasSize(2).extracting(MessageExt::getMsgId).containsOnly(sent.getMsgId());
        assertThat(seen).extracting(MessageExt::getKeys).containsOnly("direct-key");
    }

    private long cached(String group, String clientId, String topic) throws Exception {
        return admin.getConsumerRunningInfo(group, clientId, false).getMqTable().entrySet().stream()
                .filter(e -> e.getKey().getTopic().equals(topic)).mapToLong(e -> e.getValue().getCachedMsgCount()).sum();
    }

    /** Starts {@link #consumer} on every message of the topic from its first offset, after {@code tuning}. */
    private void startConsumer(String group, String topic, Consumer<DefaultMQPushConsumer> tuning, MessageListenerConcurrently listener)
            throws Exception {
        consumer = Clients.pushConsumer(group, namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        tuning.accept(consumer);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        consumer.start();
    }

    private List<String> send(String topic, String prefix, int count) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(prefix + i);
            producer.send(new Message(topic, "TagA", null, (prefix + i).getBytes(StandardCharsets.UTF_8)));
        }
        return bodies;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
