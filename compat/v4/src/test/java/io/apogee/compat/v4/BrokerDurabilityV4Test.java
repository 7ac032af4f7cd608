package io.apogee.compat.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.ApogeeProcess;
import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the official 4.9.7 client: topics, groups and offsets outlive a clean restart; after SIGKILL
 * of a SYNC_FLUSH standalone (a child JVM) every acknowledged message can still be consumed.
 */
@Timeout(150)
class BrokerDurabilityV4Test {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void topicsGroupsAndOffsetsSurviveARestart() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone first = Standalone.forTests(dir).start();
        DefaultMQAdminExt admin = admin(first.namesrvAddr());
        DefaultMQProducer producer = producer(first.namesrvAddr());
        try {
            admin.createAndUpdateTopicConfig(first.brokerAddr(), new TopicConfig("V4Durable", 3, 3, 6));
            SubscriptionGroupConfig group = new SubscriptionGroupConfig();
            group.setGroupName("v4-durable-group");
            group.setRetryMaxTimes(3);
            admin.createAndUpdateSubscriptionGroupConfig(first.brokerAddr(), group);
            sendAll(producer, "V4Durable", "before-", 10);
            Set<String> consumed = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer consumer = consumer(first.namesrvAddr(), "v4-durable-group", "V4Durable", consumed);
            await().atMost(WAIT).until(() -> consumed.size() >= 10);
            consumer.shutdown();
            sendAll(producer, "V4Durable", "after-", 5);
        } finally {
            producer.shutdown();
            admin.shutdown();
            first.shutdown();
        }

        Standalone second = Standalone.forTests(dir).start();
        DefaultMQAdminExt admin2 = admin(second.namesrvAddr());
        List<String> resumed = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = null;
        try {
            assertThat(admin2.examineTopicConfig(second.brokerAddr(), "V4Durable").getWriteQueueNums()).isEqualTo(3);
            assertThat(admin2.examineSubscriptionGroupConfig(second.brokerAddr(), "v4-durable-group").getRetryMaxTimes())
                    .isEqualTo(3);
            Map<Integer, Long> offsets = second.broker().offsetManager().queryOffsets("v4-durable-group", "V4Durable");
            assertThat(offsets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
            consumer = consumer(second.namesrvAddr(), "v4-durable-group", "V4Durable", resumed);
            await().atMost(WAIT).until(() -> resumed.size() >= 5);
            assertThat(resumed).hasSize(5).allMatch(body -> body.startsWith("after-"));
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            admin2.shutdown();
            second.shutdown();
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKill() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        DefaultMQProducer producer = null;
        try (ApogeeProcess child = ApogeeProcess.standalone(dir.resolve("store"), "flushDiskType=SYNC_FLUSH")) {
            producer = producer(child.awaitNamesrvAddr());
            producer.setRetryTimesWhenSendFailed(0);
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
        DefaultMQPushConsumer consumer = consumer(restarted.namesrvAddr(), "v4-crash-consumer", "V4CrashTopic", consumed);
        try {
            await().atMost(WAIT).until(() -> consumed.containsAll(acknowledged));
            System.out.printf("crash recovery (4.9.7): %d acknowledged before SIGKILL, %d consumed after restart%n",
                    acknowledged.size(), consumed.size());
        } finally {
            consumer.shutdown();
            restarted.shutdown();
        }
    }

    private static void sendAll(DefaultMQProducer producer, String topic, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            assertThat(producer.send(new Message(topic, "T", (prefix + i).getBytes(StandardCharsets.UTF_8))).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
        }
    }

    private static void sendUntilFailure(DefaultMQProducer producer, Set<String> acknowledged) {
        for (int i = 0; ; i++) {
            String body = "crash-" + i;
            try {
                if (producer.send(new Message("V4CrashTopic", body.getBytes(StandardCharsets.UTF_8))).getSendStatus()
                        == SendStatus.SEND_OK) {
                    acknowledged.add(body);
                }
            } catch (Exception e) {
                return;
            }
        }
    }

    private static DefaultMQProducer producer(String namesrv) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("v4-durability-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("p-" + UUID.randomUUID());
        producer.setSendMsgTimeout(5000);
        producer.start();
        return producer;
    }

    private static DefaultMQAdminExt admin(String namesrv) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("admin-" + UUID.randomUUID());
        admin.start();
        return admin;
    }

    private static DefaultMQPushConsumer consumer(String namesrv, String group, String topic, Collection<String> sink) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("c-" + UUID.randomUUID());
        consumer.setPersistConsumerOffsetInterval(500);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> sink.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }
}
