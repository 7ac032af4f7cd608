package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Topics, subscription groups, consumer offsets and messages outlive a clean restart of the standalone. */
@Timeout(150)
class BrokerRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void metadataOffsetsAndMessagesSurviveARestart() throws Exception {
        Standalone first = Standalone.forTests(dir).start();
        DefaultMQAdminExt admin = BrokerTestClients.admin(first.namesrvAddr());
        DefaultMQProducer producer = BrokerTestClients.producer(first.namesrvAddr(), "restart-producer");
        producer.start();
        try {
            admin.createAndUpdateTopicConfig(first.brokerAddr(), new TopicConfig("Durable", 3, 3, 6));
            SubscriptionGroupConfig group = new SubscriptionGroupConfig();
            group.setGroupName("durable-group");
            group.setRetryMaxTimes(3);
            admin.createAndUpdateSubscriptionGroupConfig(first.brokerAddr(), group);
            for (int i = 0; i < 10; i++) {
                producer.send(new Message("Durable", "T", ("before-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            List<MessageExt> consumed = new CopyOnWriteArrayList<>();
            DefaultMQPushConsumer consumer = consumer(first.namesrvAddr(), consumed);
            await().atMost(WAIT).until(() -> consumed.size() >= 10);
            consumer.shutdown();
            for (int i = 0; i < 5; i++) {
                producer.send(new Message("Durable", "T", ("after-" + i).getBytes(StandardCharsets.UTF_8)));
            }
        } finally {
            producer.shutdown();
            admin.shutdown();
            first.shutdown();
        }

        Standalone second = Standalone.forTests(dir).start();
        DefaultMQAdminExt admin2 = BrokerTestClients.admin(second.namesrvAddr());
        try {
            assertThat(admin2.examineTopicConfig(second.brokerAddr(), "Durable").getWriteQueueNums()).isEqualTo(3);
            assertThat(admin2.examineSubscriptionGroupConfig(second.brokerAddr(), "durable-group").getRetryMaxTimes()).isEqualTo(3);
            Map<Integer, Long> offsets = second.broker().offsetManager().queryOffsets("durable-group", "Durable");
            assertThat(offsets.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);

            List<MessageExt> resumed = new CopyOnWriteArrayList<>();
            DefaultMQPushConsumer consumer = consumer(second.namesrvAddr(), resumed);
            try {
                await().atMost(WAIT).until(() -> resumed.size() >= 5);
                assertThat(resumed).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                        .allMatch(body -> body.startsWith("after-")).hasSize(5);
            } finally {
                consumer.shutdown();
            }
        } finally {
            admin2.shutdown();
            second.shutdown();
        }
    }

    private static DefaultMQPushConsumer consumer(String namesrv, List<MessageExt> sink) throws Exception {
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "durable-group");
        consumer.subscribe("Durable", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            sink.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }
}
