package io.apogee.compat.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Retries and dead letters, SQL92 selectors, delay levels and transactions with the official 4.9.7 client. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerFeaturesV4Test {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private Standalone apogee;
    private String namesrv;
    private DefaultMQProducer producer;
    private final List<Runnable> toStop = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        apogee = Standalone.forTests(dir);
        apogee.storeConfig().setMessageDelayLevel("1s 2s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");
        apogee.brokerConfig().setEnablePropertyFilter(true);
        apogee.brokerConfig().setTransactionTimeOut(500);
        apogee.brokerConfig().setTransactionCheckInterval(500);
        apogee.start();
        namesrv = apogee.namesrvAddr();
        producer = new DefaultMQProducer("v4-feature-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("p-" + UUID.randomUUID());
        producer.setPollNameServerInterval(1000);
        producer.start();
    }

    @AfterAll
    void stop() {
        toStop.forEach(Runnable::run);
        if (producer != null) {
            producer.shutdown();
        }
        if (apogee != null) {
            apogee.shutdown();
        }
    }

    private DefaultMQPushConsumer consumer(String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("c-" + UUID.randomUUID());
        consumer.setPollNameServerInterval(1000);
        consumer.setHeartbeatBrokerInterval(1000);
        consumer.setPersistConsumerOffsetInterval(500);
        toStop.add(consumer::shutdown);
        return consumer;
    }

    private static String body(Message msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void alwaysFailingMessageEndsInTheDeadLetterTopic() throws Exception {
        producer.send(new Message("V4RetryTopic", "bad".getBytes(StandardCharsets.UTF_8)));
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer failing = consumer("v4-retry");
        failing.subscribe("V4RetryTopic", "*");
        failing.setMaxReconsumeTimes(1);
        failing.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> attempts.add(m.getReconsumeTimes()));
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        failing.start();
        Map<String, MessageExt> dead = new ConcurrentHashMap<>();
        DefaultMQPushConsumer dlq = consumer("v4-dlq-reader");
        dlq.subscribe("%DLQ%v4-retry", "*");
        dlq.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> dead.put(body(m), m));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        dlq.start();
        await().atMost(WAIT).until(() -> dead.containsKey("bad"));
        assertThat(attempts).containsExactly(0, 1);
        assertThat(dead.get("bad").getProperty(MessageConst.PROPERTY_RETRY_TOPIC)).isEqualTo("V4RetryTopic");
    }

    @Test
    void sqlSelectorFiltersOnTheBroker() throws Exception {
        for (int i = 0; i < 10; i++) {
            Message msg = new Message("V4SqlTopic", ("s" + i).getBytes(StandardCharsets.UTF_8));
            msg.putUserProperty("n", String.valueOf(i));
            producer.send(msg);
        }
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer selective = consumer("v4-sql");
        selective.subscribe("V4SqlTopic", MessageSelector.bySql("n >= 7 OR n IN ('2')"));
        selective.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        selective.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> received.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        selective.start();
        await().atMost(WAIT).until(() -> received.containsAll(Set.of("s2", "s7", "s8", "s9")));
        Message marker = new Message("V4SqlTopic", "marker".getBytes(StandardCharsets.UTF_8));
        marker.putUserProperty("n", "100");
        producer.send(marker);
        await().atMost(WAIT).until(() -> received.contains("marker"));
        assertThat(received).containsExactlyInAnyOrder("s2", "s7", "s8", "s9", "marker");

        DefaultMQPushConsumer broken = consumer("v4-sql-broken");
        broken.subscribe("V4SqlTopic", MessageSelector.bySql("n BETWEEN 5 AND 1"));
        broken.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThatThrownBy(broken::start).isInstanceOf(MQClientException.class).hasMessageContaining("low <= high");
    }

    @Test
    void delayLevelTwoWaitsTwoSeconds() throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = consumer("v4-delay");
        consumer.subscribe("V4DelayTopic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> arrived.put(body(m), System.currentTimeMillis()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        producer.send(new Message("V4DelayTopic", "now".getBytes(StandardCharsets.UTF_8)));
        consumer.start();
        await().atMost(WAIT).until(() -> arrived.containsKey("now"));
        Message later = new Message("V4DelayTopic", "later".getBytes(StandardCharsets.UTF_8));
        later.setDelayTimeLevel(2);
        long sent = System.currentTimeMillis();
        producer.send(later);
        await().atMost(WAIT).until(() -> arrived.containsKey("later"));
        long waited = arrived.get("later") - sent;
        System.out.printf("4.9.7 delay level 2 (2000 ms): arrived after %d ms (error %+d ms)%n", waited, waited - 2000);
        assertThat(waited).isBetween(1_990L, 3_500L);
    }

    @Test
    void transactionsCommitRollBackAndResolveByCheck() throws Exception {
        Map<String, Integer> checks = new ConcurrentHashMap<>();
        TransactionMQProducer tx = new TransactionMQProducer("v4-tx");
        tx.setNamesrvAddr(namesrv);
        tx.setInstanceName("tx-" + UUID.randomUUID());
        tx.setPollNameServerInterval(1000);
        tx.setHeartbeatBrokerInterval(1000);
        tx.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return switch (body(msg)) {
                    case "yes" -> LocalTransactionState.COMMIT_MESSAGE;
                    case "no" -> LocalTransactionState.ROLLBACK_MESSAGE;
                    default -> LocalTransactionState.UNKNOW;
                };
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checks.merge(body(msg), 1, Integer::sum);
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        tx.start();
        toStop.add(tx::shutdown);
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = consumer("v4-tx-consumer");
        consumer.subscribe("V4TxTopic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> received.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        for (String decision : new String[] {"yes", "no", "later"}) {
            tx.sendMessageInTransaction(new Message("V4TxTopic", decision.getBytes(StandardCharsets.UTF_8)), null);
        }
        consumer.start();
        await().atMost(WAIT).until(() -> received.containsAll(Set.of("yes", "later")));
        assertThat(checks).containsOnlyKeys("later");
        assertThat(received).doesNotContain("no");
    }
}
