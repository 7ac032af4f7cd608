package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5.x timed messages (setDeliverTimeMs / setDelayTimeMs / setDelayTimeSec) with the official 5.2.0
 * client: delivered once, never early, within milliseconds; also across a broker restart.
 */
@Timeout(150)
class BrokerTimerMessageTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final Random random = new Random(11);

    /** Consumption records: body to arrival time; a second arrival of a body is a duplicate. */
    private static final class Arrivals {
        final Map<String, Long> first = new ConcurrentHashMap<>();
        final List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();

        DefaultMQPushConsumer consumer(String namesrv) throws Exception {
            DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "timer-group");
            consumer.subscribe("TimerTopic", "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                long now = System.currentTimeMillis();
                msgs.forEach(m -> {
                    if (first.putIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8), now) != null) {
                        duplicates.add(new String(m.getBody(), StandardCharsets.UTF_8));
                    }
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            return consumer;
        }
    }

    private Map<String, Long> sendTimers(DefaultMQProducer producer, String prefix, int count, int minMs, int spreadMs) throws Exception {
        Map<String, Long> due = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            String body = prefix + i;
            Message msg = new Message("TimerTopic", body.getBytes(StandardCharsets.UTF_8));
            long delay = minMs + random.nextInt(spreadMs);
            long deliverAt = System.currentTimeMillis() + delay;
            switch (i % 3) {
                case 0 -> msg.setDeliverTimeMs(deliverAt);
                case 1 -> msg.setDelayTimeMs(delay);
                default -> {
                    delay = 1_000L * (1 + delay / 1_000);
                    deliverAt = System.currentTimeMillis() + delay;
                    msg.setDelayTimeSec(delay / 1_000);
                }
            }
            due.put(body, deliverAt);
            producer.send(msg);
        }
        return due;
    }

    private static void assertOnTime(Map<String, Long> due, Arrivals arrivals, String label) {
        assertThat(arrivals.duplicates).as("delivered exactly once").isEmpty();
        List<Long> lateness = new ArrayList<>();
        due.forEach((body, at) -> {
            long arrived = arrivals.first.get(body);
            // deliverAt is taken just before send, the broker's due time just after: allow that gap.
            assertThat(arrived).as("never early: " + body).isGreaterThanOrEqualTo(at - 5);
            lateness.add(arrived - at);
        });
        lateness.sort(null);
        System.out.printf("timer lateness at the consumer (%s, %d messages): p50 %d ms, p99 %d ms, max %d ms%n", label,
                lateness.size(), lateness.get(lateness.size() / 2), lateness.get((int) Math.ceil(lateness.size() * 0.99) - 1),
                lateness.get(lateness.size() - 1));
    }

    @Test
    void timersAtRandomTimesArriveOnceAndOnTime() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone apogee = Standalone.forTests(dir).start();
        DefaultMQProducer producer = BrokerTestClients.producer(apogee.namesrvAddr(), "timer-producer");
        Arrivals arrivals = new Arrivals();
        DefaultMQPushConsumer consumer = null;
        try {
            producer.start();
            producer.send(new Message("TimerTopic", "warm-up".getBytes(StandardCharsets.UTF_8)));
            consumer = arrivals.consumer(apogee.namesrvAddr());
            await().atMost(WAIT).until(() -> arrivals.first.containsKey("warm-up"));
            arrivals.first.clear();
            Map<String, Long> due = sendTimers(producer, "t", 300, 200, 4_000);
            await().atMost(WAIT).until(() -> arrivals.first.keySet().containsAll(due.keySet()));
            assertOnTime(due, arrivals, "random 0.2-4.2 s");
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            producer.shutdown();
            apogee.shutdown();
        }
    }

    @Test
    void pendingTimersSurviveABrokerRestart() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone apogee = Standalone.forTests(dir).start();
        DefaultMQProducer producer = BrokerTestClients.producer(apogee.namesrvAddr(), "timer-producer");
        Arrivals arrivals = new Arrivals();
        DefaultMQPushConsumer consumer = null;
        Map<String, Long> due;
        try {
            producer.start();
            consumer = arrivals.consumer(apogee.namesrvAddr());
            due = sendTimers(producer, "r", 150, 500, 5_000);
            await().atMost(WAIT).until(() -> arrivals.first.size() >= 10);
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            producer.shutdown();
            apogee.shutdown();
        }
        int before = arrivals.first.size();
        Standalone restarted = Standalone.forTests(dir).start();
        DefaultMQPushConsumer again = arrivals.consumer(restarted.namesrvAddr());
        try {
            await().atMost(WAIT).until(() -> arrivals.first.keySet().containsAll(due.keySet()));
            assertOnTime(due, arrivals, "across a restart after " + before + " deliveries");
        } finally {
            again.shutdown();
            restarted.shutdown();
        }
    }
}
