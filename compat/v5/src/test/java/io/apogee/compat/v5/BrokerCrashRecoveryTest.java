package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.ApogeeMain;
import io.apogee.server.Standalone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern NAMESRV_BOOT = Pattern.compile("The Name Server boot success\\. listenPort=(\\d+)");
    private static final Pattern BROKER_BOOT = Pattern.compile("The broker\\[[^,]+, [^:]+:(\\d+)\\] boot success");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesAKill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ApogeeMain.class.getName(), "standalone", "namesrvPort=0", "listenPort=0", "brokerIP1=127.0.0.1",
                "storePathRootDir=" + dir.resolve("store"), "flushDiskType=SYNC_FLUSH",
                "mappedFileSizeCommitLog=" + (64 * 1024 * 1024)))
                .redirectErrorStream(true)
                .start();
        AtomicInteger namesrvPort = new AtomicInteger();
        AtomicInteger brokerPort = new AtomicInteger();
        Thread reader = new Thread(() -> readPorts(child, namesrvPort, brokerPort), "standalone-output");
        reader.setDaemon(true);
        reader.start();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        DefaultMQProducer producer = null;
        try {
            await().atMost(WAIT).until(() -> brokerPort.get() > 0 || !child.isAlive());
            assertThat(child.isAlive()).as("standalone child is running").isTrue();
            producer = BrokerTestClients.producer("127.0.0.1:" + namesrvPort.get(), "crash-producer");
            producer.setRetryTimesWhenSendFailed(0);
            producer.setSendMsgTimeout(2000);
            producer.start();
            DefaultMQProducer sender = producer;
            Thread sending = new Thread(() -> sendUntilFailure(sender, acknowledged), "crash-sender");
            sending.start();
            await().atMost(WAIT).until(() -> acknowledged.size() >= 300);

            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            sending.join(20_000);
        } finally {
            if (producer != null) {
                producer.shutdown();
            }
            child.destroyForcibly();
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

    private static void readPorts(Process process, AtomicInteger namesrvPort, AtomicInteger brokerPort) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher namesrv = NAMESRV_BOOT.matcher(line);
                if (namesrv.find()) {
                    namesrvPort.set(Integer.parseInt(namesrv.group(1)));
                }
                Matcher broker = BROKER_BOOT.matcher(line);
                if (broker.find()) {
                    brokerPort.set(Integer.parseInt(broker.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended; the test notices through isAlive()
        }
    }
}
