package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 5.2.0 push consumer failing every delivery: the broker redelivers through
 * %RETRY%group with a growing reconsume count, then parks the message in %DLQ%group, from where it
 * can be read and sent again.
 */
@Timeout(120)
class BrokerRetryDlqTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void failedMessageIsRetriedThenDeadLetteredThenResent() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone apogee = Standalone.forTests(dir);
        // Retries use levels 3, 4, 5: one second each keeps the test short.
        apogee.storeConfig().setMessageDelayLevel("1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");
        apogee.start();
        String namesrv = apogee.namesrvAddr();
        DefaultMQProducer producer = BrokerTestClients.producer(namesrv, "retry-producer");
        DefaultMQPushConsumer failing = BrokerTestClients.pushConsumer(namesrv, "retry-group");
        DefaultMQPushConsumer dlqReader = BrokerTestClients.pushConsumer(namesrv, "dlq-reader");
        DefaultMQPushConsumer healed = BrokerTestClients.pushConsumer(namesrv, "retry-group-2");
        try {
            producer.start();
            String msgId = producer.send(new Message("RetryTopic", "TagA", "k1", "doomed".getBytes(StandardCharsets.UTF_8))).getMsgId();

            List<Integer> attempts = new CopyOnWriteArrayList<>();
            List<Long> attemptTimes = new CopyOnWriteArrayList<>();
            failing.subscribe("RetryTopic", "*");
            failing.setMaxReconsumeTimes(2);
            failing.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                for (MessageExt msg : msgs) {
                    assertThat(msg.getTopic()).as("the client restores the original topic").isEqualTo("RetryTopic");
                    assertThat(msg.getMsgId()).isEqualTo(msgId);
                    attempts.add(msg.getReconsumeTimes());
                    attemptTimes.add(System.currentTimeMillis());
                }
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            });
            failing.start();
            await().atMost(WAIT).until(() -> attempts.size() >= 3);

            Map<String, MessageExt> dead = new ConcurrentHashMap<>();
            dlqReader.subscribe("%DLQ%retry-group", "*");
            dlqReader.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                msgs.forEach(m -> dead.put(new String(m.getBody(), StandardCharsets.UTF_8), m));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            dlqReader.start();
            await().atMost(WAIT).until(() -> dead.containsKey("doomed"));
            assertThat(attempts).containsExactly(0, 1, 2);
            System.out.printf("retry gaps (level 3, 4 = 1 s each): %d ms, %d ms%n",
                    attemptTimes.get(1) - attemptTimes.get(0), attemptTimes.get(2) - attemptTimes.get(1));
            assertThat(attemptTimes.get(1) - attemptTimes.get(0)).isGreaterThanOrEqualTo(900);
            MessageExt deadMsg = dead.get("doomed");
            assertThat(deadMsg.getReconsumeTimes()).isEqualTo(3);
            assertThat(deadMsg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC)).isEqualTo("RetryTopic");
            assertThat(deadMsg.getTags()).isEqualTo("TagA");
            assertThat(deadMsg.getKeys()).isEqualTo("k1");

            // Resend from the dead-letter queue to the original topic: a working group gets it.
            List<String> received = new CopyOnWriteArrayList<>();
            healed.subscribe("RetryTopic", "*");
            healed.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            healed.start();
            Message resend = new Message(deadMsg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC), deadMsg.getTags(), deadMsg.getKeys(),
                    "doomed-resent".getBytes(StandardCharsets.UTF_8));
            producer.send(resend);
            await().atMost(WAIT).until(() -> received.contains("doomed-resent"));
        } finally {
            healed.shutdown();
            dlqReader.shutdown();
            failing.shutdown();
            producer.shutdown();
            apogee.shutdown();
        }
    }
}
