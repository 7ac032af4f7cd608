package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** MessageSelector.bySql with the official 5.2.0 consumer: the broker filters on user properties. */
@Timeout(120)
class BrokerSql92FilterTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void consumerGetsExactlyTheMessagesItsExpressionSelects() throws Exception {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.resolve("client-offsets").toString());
        Standalone apogee = Standalone.forTests(dir);
        apogee.brokerConfig().setEnablePropertyFilter(true);
        apogee.start();
        String namesrv = apogee.namesrvAddr();
        DefaultMQProducer producer = BrokerTestClients.producer(namesrv, "sql-producer");
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(namesrv, "sql-group");
        DefaultMQPushConsumer broken = BrokerTestClients.pushConsumer(namesrv, "sql-broken");
        try {
            producer.start();
            Set<String> expected = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 40; i++) {
                String tag = i % 2 == 0 ? "TagA" : "TagB";
                Message msg = new Message("SqlTopic", tag, ("m" + i).getBytes(StandardCharsets.UTF_8));
                msg.putUserProperty("a", String.valueOf(i % 10));
                if (i % 3 == 0) {
                    msg.putUserProperty("region", i % 9 == 0 ? "eu" : "us");
                }
                producer.send(msg);
                boolean region = i % 3 == 0 && i % 9 != 0;
                if ((i % 10 >= 3 && i % 10 <= 6 && tag.equals("TagA")) || region) {
                    expected.add("m" + i);
                }
            }

            Set<String> received = ConcurrentHashMap.newKeySet();
            consumer.subscribe("SqlTopic", MessageSelector.bySql("(a BETWEEN 3 AND 6 AND TAGS = 'TagA') OR region IN ('us')"));
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.start();
            await().atMost(WAIT).until(() -> received.containsAll(expected));
            // A marker that matches proves the consumer has pulled past everything before it.
            Message marker = new Message("SqlTopic", "TagA", "marker".getBytes(StandardCharsets.UTF_8));
            marker.putUserProperty("region", "us");
            producer.send(marker);
            await().atMost(WAIT).until(() -> received.contains("marker"));
            received.remove("marker");
            assertThat(received).isEqualTo(expected);

            broken.subscribe("SqlTopic", MessageSelector.bySql("a > "));
            broken.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            assertThatThrownBy(broken::start).isInstanceOf(MQClientException.class).hasMessageContaining("position 4");
        } finally {
            broken.shutdown();
            consumer.shutdown();
            producer.shutdown();
            apogee.shutdown();
        }
    }
}
