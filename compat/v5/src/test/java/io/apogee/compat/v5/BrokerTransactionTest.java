package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 5.2.0 TransactionMQProducer: commit, rollback, an unknown outcome resolved by the
 * broker's check-back, and a producer that never answers (given up after transactionCheckMax).
 */
@Timeout(120)
class BrokerTransactionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CHECK_MAX = 3;

    @TempDir
    Path dir;

    /** Decides by the message body; counts the broker's checks per body. */
    private static final class Listener implements TransactionListener {
        final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            return switch (body(msg)) {
                case "commit" -> LocalTransactionState.COMMIT_MESSAGE;
                case "rollback" -> LocalTransactionState.ROLLBACK_MESSAGE;
                default -> LocalTransactionState.UNKNOW;
            };
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            checks.computeIfAbsent(body(msg), b -> new AtomicInteger()).incrementAndGet();
            return body(msg).equals("unknown-then-commit") ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.UNKNOW;
        }
    }

    /**
     * A 5.x producer heartbeats only to brokers of the topics it knows a route for; one that has sent
     * nothing yet learns them from setTopics, else no broker can reach it with a check.
     */
    private static TransactionMQProducer producer(String namesrv, String topic, TransactionListener listener) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer("tx-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("tx-" + UUID.randomUUID());
        producer.setPollNameServerInterval(1000);
        producer.setHeartbeatBrokerInterval(1000);
        producer.setTopics(List.of(topic));
        producer.setTransactionListener(listener);
        producer.start();
        return producer;
    }

    private static Standalone standalone(Path dir) {
        Standalone apogee = Standalone.forTests(dir);
        apogee.brokerConfig().setTransactionTimeOut(500);
        apogee.brokerConfig().setTransactionCheckInterval(500);
        apogee.brokerConfig().setTransactionCheckMax(CHECK_MAX);
        return apogee;
    }

    /** A transaction left open when the broker stops is checked, and committed, by the restarted broker. */
    @Test
    void openTransactionIsResolvedAfterABrokerRestart() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone first = standalone(dir).start();
        TransactionListener undecided = new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.UNKNOW;
            }
        };
        TransactionMQProducer before = producer(first.namesrvAddr(), "TxRestartTopic", undecided);
        try {
            before.sendMessageInTransaction(new Message("TxRestartTopic", "survivor".getBytes(StandardCharsets.UTF_8)), null);
        } finally {
            before.shutdown();
            first.shutdown();
        }

        Standalone second = standalone(dir).start();
        Listener deciding = new Listener();
        TransactionMQProducer after = producer(second.namesrvAddr(), "TxRestartTopic", new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                deciding.checks.computeIfAbsent(body(msg), b -> new AtomicInteger()).incrementAndGet();
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(second.namesrvAddr(), "tx-restart-consumer");
        try {
            AtomicInteger deliveries = new AtomicInteger();
            consumer.subscribe("TxRestartTopic", "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                msgs.forEach(m -> assertThat(body(m)).isEqualTo("survivor"));
                deliveries.addAndGet(msgs.size());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await().atMost(WAIT).until(() -> deliveries.get() >= 1);
            assertThat(deliveries.get()).isEqualTo(1);
            assertThat(deciding.checks).containsKey("survivor");
        } finally {
            consumer.shutdown();
            after.shutdown();
            second.shutdown();
        }
    }

    private static String body(Message msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void commitRollbackCheckBackAndGivingUp() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone apogee = standalone(dir).start();
        String namesrv = apogee.namesrvAddr();
        Listener listener = new Listener();
        TransactionMQProducer producer = producer(namesrv, "TxTopic", listener);
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "tx-consumer");
        DefaultMQAdminExt admin = BrokerTestClients.admin(namesrv);
        try {
            Set<String> received = ConcurrentHashMap.newKeySet();
            AtomicInteger deliveries = new AtomicInteger();
            for (String body : new String[] {"commit", "rollback", "unknown-then-commit", "silent"}) {
                TransactionSendResult result = producer.sendMessageInTransaction(
                        new Message("TxTopic", "TagT", body.getBytes(StandardCharsets.UTF_8)), null);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                if (body.equals("commit")) {
                    consumer.subscribe("TxTopic", "*");
                    consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                        msgs.forEach(m -> {
                            received.add(body(m));
                            deliveries.incrementAndGet();
                            assertThat(m.getTags()).isEqualTo("TagT");
                        });
                        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                    });
                    consumer.start();
                }
            }
            await().atMost(WAIT).until(() -> received.contains("commit"));
            await().atMost(WAIT).until(() -> received.contains("unknown-then-commit"));
            assertThat(listener.checks.get("unknown-then-commit").get()).isGreaterThanOrEqualTo(1);

            MessageQueue given = new MessageQueue("TRANS_CHECK_MAX_TIME_TOPIC", apogee.brokerConfig().getBrokerName(), 0);
            await().atMost(WAIT).until(() -> admin.maxOffset(given) == 1);
            int silentChecks = listener.checks.get("silent").get();
            System.out.printf("transactions: silent producer checked %d times before the broker gave up; %d deliveries%n",
                    silentChecks, deliveries.get());
            assertThat(silentChecks).isEqualTo(CHECK_MAX);
            assertThat(received).containsExactlyInAnyOrder("commit", "unknown-then-commit");
            assertThat(deliveries.get()).as("each committed message once").isEqualTo(2);
        } finally {
            admin.shutdown();
            consumer.shutdown();
            producer.shutdown();
            apogee.shutdown();
        }
    }
}
