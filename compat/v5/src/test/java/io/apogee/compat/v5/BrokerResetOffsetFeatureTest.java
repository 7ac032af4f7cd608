package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay by time with the official 5.2.0 admin: a running group is rewound through its consumers
 * (only messages stored after the time come again); an offline group is refused with
 * CONSUMER_NOT_ONLINE and rewound through the broker's offsets instead, as mqadmin does. Also the
 * consumer status the broker gathers from running consumers.
 */
@Timeout(120)
class BrokerResetOffsetFeatureTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CONSUMER_NOT_ONLINE = 206;

    @TempDir
    Path dir;

    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private DefaultMQPushConsumer consumer(String namesrv) throws Exception {
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "replay-group");
        consumer.subscribe("ReplayTopic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> deliveries.computeIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8), b -> new AtomicInteger())
                    .incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    private void send(DefaultMQProducer producer, String prefix) throws Exception {
        for (int i = 0; i < 20; i++) {
            producer.send(new Message("ReplayTopic", (prefix + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private int count(String body) {
        AtomicInteger n = deliveries.get(body);
        return n == null ? 0 : n.get();
    }

    private boolean allDelivered(String prefix, int times) {
        for (int i = 0; i < 20; i++) {
            if (count(prefix + i) < times) {
                return false;
            }
        }
        return true;
    }

    @Test
    void rewindByTimeReplaysOnlyLaterMessages() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone apogee = Standalone.forTests(dir).start();
        String namesrv = apogee.namesrvAddr();
        DefaultMQProducer producer = BrokerTestClients.producer(namesrv, "replay-producer");
        DefaultMQAdminExt admin = BrokerTestClients.admin(namesrv);
        DefaultMQPushConsumer consumer = null;
        try {
            producer.start();
            send(producer, "a");
            long before = System.currentTimeMillis() + 1;
            await().atMost(WAIT).until(() -> System.currentTimeMillis() > before + 5);
            long resetTo = System.currentTimeMillis();
            send(producer, "b");
            consumer = consumer(namesrv);
            await().atMost(WAIT).until(() -> allDelivered("a", 1) && allDelivered("b", 1));

            // mqadmin getConsumerStatus: the broker collects each running consumer's offsets.
            await().atMost(WAIT).untilAsserted(() -> {
                Map<String, Map<MessageQueue, Long>> status = admin.getConsumeStatus("ReplayTopic", "replay-group", "");
                assertThat(status).hasSize(1);
                assertThat(status.values().iterator().next().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
            });

            admin.resetOffsetByTimestamp("ReplayTopic", "replay-group", resetTo, true);
            await().atMost(WAIT).until(() -> allDelivered("b", 2));
            for (int i = 0; i < 20; i++) {
                assertThat(count("a" + i)).as("stored before the reset time: not replayed").isEqualTo(1);
            }

            consumer.shutdown();
            consumer = null;
            send(producer, "c");
            assertThatThrownBy(() -> admin.resetOffsetByTimestamp("ReplayTopic", "replay-group", resetTo, true))
                    .isInstanceOfSatisfying(MQClientException.class,
                            e -> assertThat(e.getResponseCode()).isEqualTo(CONSUMER_NOT_ONLINE));
            admin.resetOffsetByTimestampOld("replay-group", "ReplayTopic", resetTo, true);
            consumer = consumer(namesrv);
            await().atMost(WAIT).until(() -> allDelivered("b", 3) && allDelivered("c", 1));
            System.out.printf("reset by time: a x%d, b x%d, c x%d%n", count("a0"), count("b0"), count("c0"));
            assertThat(count("a0")).isEqualTo(1);
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            admin.shutdown();
            producer.shutdown();
            apogee.shutdown();
        }
    }
}
