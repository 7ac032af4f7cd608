package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** setDelayTimeLevel with the official 5.2.0 producer: each level arrives on time, never early. */
@Timeout(120)
class BrokerDelayLevelTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long[] LEVEL_MILLIS = {1_000, 2_000, 3_000};

    @TempDir
    Path dir;

    @Test
    void delayedMessagesArriveAfterTheirLevelsDelay() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone apogee = Standalone.forTests(dir);
        apogee.storeConfig().setMessageDelayLevel("1s 2s 3s 4s 5s 6s 7s 8s 9s 10s 11s 12s 13s 14s 15s 16s 17s 18s");
        apogee.start();
        String namesrv = apogee.namesrvAddr();
        DefaultMQProducer producer = BrokerTestClients.producer(namesrv, "delay-producer");
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "delay-group");
        try {
            producer.start();
            producer.send(new Message("DelayTopic", "warm-up".getBytes(StandardCharsets.UTF_8)));
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            Map<String, Long> fired = new ConcurrentHashMap<>();
            consumer.subscribe("DelayTopic", "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                long now = System.currentTimeMillis();
                msgs.forEach(m -> arrived.put(new String(m.getBody(), StandardCharsets.UTF_8), now));
                msgs.forEach(m -> fired.put(new String(m.getBody(), StandardCharsets.UTF_8), m.getStoreTimestamp()));
                msgs.forEach(m -> assertThat(m.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL)).isNull());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await().atMost(WAIT).until(() -> arrived.containsKey("warm-up"));

            Map<String, Long> sent = new ConcurrentHashMap<>();
            for (int round = 0; round < 5; round++) {
                for (int level = 1; level <= LEVEL_MILLIS.length; level++) {
                    String body = "L" + level + "-" + round;
                    Message msg = new Message("DelayTopic", body.getBytes(StandardCharsets.UTF_8));
                    msg.setDelayTimeLevel(level);
                    sent.put(body, System.currentTimeMillis());
                    producer.send(msg);
                }
            }
            await().atMost(WAIT).until(() -> arrived.keySet().containsAll(sent.keySet()));
            for (int level = 1; level <= LEVEL_MILLIS.length; level++) {
                long worst = Long.MIN_VALUE;
                long best = Long.MAX_VALUE;
                long brokerWorst = Long.MIN_VALUE;
                for (int round = 0; round < 5; round++) {
                    String body = "L" + level + "-" + round;
                    long error = arrived.get(body) - sent.get(body) - LEVEL_MILLIS[level - 1];
                    worst = Math.max(worst, error);
                    best = Math.min(best, error);
                    brokerWorst = Math.max(brokerWorst, fired.get(body) - sent.get(body) - LEVEL_MILLIS[level - 1]);
                }
                System.out.printf("delay level %d (%d ms): error at the consumer %+d .. %+d ms (re-stored by the broker at most %+d ms)%n",
                        level, LEVEL_MILLIS[level - 1], best, worst, brokerWorst);
                assertThat(best).as("never early (small clock slack)").isGreaterThanOrEqualTo(-20);
                assertThat(worst).as("bounded lateness, loose for loaded CI machines").isLessThan(3_000);
            }
        } finally {
            consumer.shutdown();
            producer.shutdown();
            apogee.shutdown();
        }
    }
}
