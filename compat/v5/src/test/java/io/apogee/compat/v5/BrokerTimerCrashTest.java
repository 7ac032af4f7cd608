package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.ApogeeProcess;
import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a standalone child JVM while timed messages wait: after a restart on the same data
 * every timer fires, none early, and each is stored in its topic exactly once (a consumer may see
 * a stored message again after the kill because its offset commit was lost; that is the same stored
 * copy, told apart by its commit-log offset).
 */
@Timeout(180)
class BrokerTimerCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** body to the distinct stored copies seen (commit-log offsets) and the first arrival time. */
    private final Map<String, Set<Long>> copies = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    /** body to the store time of its copy in the topic: when the broker fired the timer. */
    private final Map<String, Long> fired = new ConcurrentHashMap<>();

    private DefaultMQPushConsumer consumer(String namesrv) throws Exception {
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "timer-crash-group");
        consumer.subscribe("TimerCrashTopic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            long now = System.currentTimeMillis();
            for (MessageExt m : msgs) {
                String body = new String(m.getBody(), StandardCharsets.UTF_8);
                copies.computeIfAbsent(body, b -> ConcurrentHashMap.newKeySet()).add(m.getCommitLogOffset());
                arrivals.putIfAbsent(body, now);
                fired.putIfAbsent(body, m.getStoreTimestamp());
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    @Test
    void timersSurviveAKillExactlyOnceAndNeverEarly() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Map<String, Long> due = new ConcurrentHashMap<>();
        Random random = new Random(5);
        DefaultMQProducer producer = null;
        DefaultMQPushConsumer consumer = null;
        long killedAt;
        try (ApogeeProcess child = ApogeeProcess.standalone(dir.resolve("store"))) {
            String namesrv = child.awaitNamesrvAddr();
            producer = BrokerTestClients.producer(namesrv, "timer-crash-producer");
            producer.start();
            consumer = consumer(namesrv);
            for (int i = 0; i < 200; i++) {
                String body = "x" + i;
                long at = System.currentTimeMillis() + 500 + random.nextInt(6_000);
                Message msg = new Message("TimerCrashTopic", body.getBytes(StandardCharsets.UTF_8));
                msg.setDeliverTimeMs(at);
                producer.send(msg);
                due.put(body, at);
            }
            await().atMost(WAIT).until(() -> arrivals.size() >= 30);
            killedAt = System.currentTimeMillis();
            child.kill();
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            if (producer != null) {
                producer.shutdown();
            }
        }
        int beforeKill = arrivals.size();

        Standalone restarted = Standalone.forTests(dir).start();
        long downMillis = System.currentTimeMillis() - killedAt;
        DefaultMQPushConsumer again = consumer(restarted.namesrvAddr());
        try {
            await().atMost(WAIT).until(() -> arrivals.keySet().containsAll(due.keySet()));
            List<Long> lateness = new ArrayList<>();
            List<Long> brokerLateness = new ArrayList<>();
            due.forEach((body, at) -> {
                assertThat(copies.get(body)).as("stored once: " + body).hasSize(1);
                assertThat(fired.get(body)).as("never early: " + body).isGreaterThanOrEqualTo(at);
                lateness.add(arrivals.get(body) - at);
                brokerLateness.add(fired.get(body) - at);
            });
            lateness.sort(null);
            brokerLateness.sort(null);
            System.out.printf("timers across SIGKILL: %d of %d consumed before the kill; firing lateness p50 %d ms, p99 %d ms; "
                            + "at the consumer p50 %d ms, p99 %d ms (both include the %d ms the broker was down)%n", beforeKill, due.size(),
                    brokerLateness.get(brokerLateness.size() / 2), brokerLateness.get((int) Math.ceil(brokerLateness.size() * 0.99) - 1),
                    lateness.get(lateness.size() / 2), lateness.get((int) Math.ceil(lateness.size() * 0.99) - 1), downMillis);
        } finally {
            again.shutdown();
            restarted.shutdown();
        }
    }
}
