package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.ApogeeProcess;
import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a SYNC_FLUSH standalone while a producer is sending: after a restart on the same data
 * every message the broker acknowledged can still be consumed.
 */
@Timeout(150)
class BrokerCrashRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesAKill() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        DefaultMQProducer producer = null;
        try (ApogeeProcess child = ApogeeProcess.standalone(dir.resolve("store"), "flushDiskType=SYNC_FLUSH")) {
            producer = BrokerTestClients.producer(child.awaitNamesrvAddr(), "crash-producer");
            producer.setRetryTimesWhenSendFailed(0);
            producer.setSendMsgTimeout(2000);
            producer.start();
            DefaultMQProducer sender = producer;
            Thread sending = new Thread(() -> sendUntilFailure(sender, acknowledged), "crash-sender");
            sending.start();
            await().atMost(WAIT).until(() -> acknowledged.size() >= 300);

            child.kill();
            sending.join(20_000);
        } finally {
            if (producer != null) {
                producer.shutdown();
            }
        }

        Standalone restarted = Standalone.forTests(dir).start();
        Set<String> consumed = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(restarted.namesrvAddr(), "crash-consumer");
        try {
            consumer.subscribe("CrashTopic", "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                msgs.forEach(m -> consumed.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await().atMost(WAIT).until(() -> consumed.containsAll(acknowledged));
            System.out.printf("crash recovery: %d acknowledged before SIGKILL, %d consumed after restart%n",
                    acknowledged.size(), consumed.size());
        } finally {
            consumer.shutdown();
            restarted.shutdown();
        }
    }

    private static void sendUntilFailure(DefaultMQProducer producer, Set<String> acknowledged) {
        for (int i = 0; ; i++) {
            String body = "crash-" + i;
            try {
                SendResult result = producer.send(new Message("CrashTopic", body.getBytes(StandardCharsets.UTF_8)));
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    acknowledged.add(body);
                }
            } catch (Exception e) {
                return;
            }
        }
    }
}
