package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.protocol.body.ConsumeFromWhere;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Delay levels and timed messages (TIMER_DELIVER_MS) sent by our producer: never delivered before
 * their time, each exactly once. Both servers run every delay level at 1 s. Lateness is printed for
 * the report, and only bounded generously (a loaded 2-core machine).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ScheduledScenarios {
    private static final long DELAY_LEVEL_MS = 1000;
    private static final Duration MAX_LATENESS = Duration.ofSeconds(20);
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;
    /** Body to the local times it was delivered at. */
    private final Map<String, List<Long>> deliveries = new ConcurrentHashMap<>();

    protected abstract String namesrvAddr();

    /** How much earlier than asked the server may deliver a timed message (its timer precision). */
    protected abstract long timerEarlinessMillis();

    @BeforeEach
    void startProducer() throws Exception {
        producer = Clients.producer(namesrvAddr());
        producer.start();
    }

    @AfterEach
    void stopClients() {
        if (consumer != null) {
            consumer.shutdown();
        }
        producer.shutdown();
    }

    /** Creates the topic and starts a consumer that notes when each body arrives. */
    private String topicWithConsumer() throws Exception {
        String topic = Names.unique("SchedTopic");
        producer.send(new Message(topic, "init", null, "init".getBytes(StandardCharsets.UTF_8)));
        consumer = Clients.pushConsumer(Names.unique("SchedG"), namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "TagS");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            long now = System.currentTimeMillis();
            msgs.forEach(m -> record(new String(m.getBody(), StandardCharsets.UTF_8), now));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return topic;
    }

    private void record(String body, long at) {
        List<Long> times = deliveries.computeIfAbsent(body, k -> new ArrayList<>());
        synchronized (times) {
            times.add(at);
        }
    }

    private static Message message(String topic, String body) {
        return new Message(topic, "TagS", null, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void delayLevelMessageArrivesAfterItsDelay() throws Exception {
        String topic = topicWithConsumer();
        Message delayed = message(topic, "delayed");
        delayed.setDelayTimeLevel(3);
        long sentBefore = System.currentTimeMillis();
        producer.send(delayed);

        await().atMost(MAX_LATENESS).until(() -> deliveries.containsKey("delayed"));
        long lateness = deliveries.get("delayed").get(0) - sentBefore - DELAY_LEVEL_MS;
        System.out.printf("%s: delay level 3 (1 s) delivered %d ms after its due time%n", getClass().getSimpleName(), lateness);
        assertThat(lateness).as("delivered before its delay").isGreaterThanOrEqualTo(0);
    }

    @Test
    void timedMessagesArriveOnceAndNeverEarly() throws Exception {
        String topic = topicWithConsumer();
        Map<String, Long> due = new HashMap<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            String body = "timed-" + i;
            long deliverAt = now + ThreadLocalRandom.current().nextLong(1000, 5000);
            Message timed = message(topic, body);
            timed.setDeliverTimeMs(deliverAt);
            producer.send(timed);
            due.put(body, deliverAt);
        }

        await().atMost(MAX_LATENESS.plusSeconds(5)).until(() -> deliveries.keySet().containsAll(due.keySet()));
        // A duplicate would follow within the same timer pass: give it a moment to show up.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> deliveries.values().stream().allMatch(times -> times.size() == 1));
        List<Long> lateness = new ArrayList<>();
        due.forEach((body, deliverAt) -> lateness.add(deliveries.get(body).get(0) - deliverAt));
        System.out.printf("%s: timed messages delivered %s ms after their due times%n", getClass().getSimpleName(), lateness);
        assertThat(lateness).as("delivered before their time").allMatch(ms -> ms >= -timerEarlinessMillis());
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(due.keySet());
    }
}
