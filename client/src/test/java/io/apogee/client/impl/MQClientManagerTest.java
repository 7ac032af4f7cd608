package io.apogee.client.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.client.ClientConfig;
import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.DefaultMQProducer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One client instance per client id ({@code ip@instanceName[@unitName]}): producers and consumers
 * of a JVM with the same id share its connections and threads; it stops with the last of them.
 * No server is needed: the name server address points nowhere and nothing is sent.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MQClientManagerTest {
    private static final String NOWHERE = "127.0.0.1:1";

    private static <T extends ClientConfig> T named(T client, String instanceName) {
        client.setNamesrvAddr(NOWHERE);
        client.setInstanceName(instanceName);
        return client;
    }

    @Test
    void sameClientIdSameInstanceOtherwiseAnother() {
        MQClientManager manager = MQClientManager.getInstance();
        ClientConfig a = named(new ClientConfig(), "shared-a");
        ClientConfig alsoA = named(new ClientConfig(), "shared-a");
        ClientConfig b = named(new ClientConfig(), "shared-b");
        ClientConfig aInUnit = named(new ClientConfig(), "shared-a");
        aInUnit.setUnitName("unit1");

        assertThat(manager.getOrCreateMQClientInstance(a)).isSameAs(manager.getOrCreateMQClientInstance(alsoA))
                .isNotSameAs(manager.getOrCreateMQClientInstance(b))
                .isNotSameAs(manager.getOrCreateMQClientInstance(aInUnit));
        assertThat(manager.getOrCreateMQClientInstance(aInUnit).getClientId()).endsWith("@shared-a@unit1");
    }

    @Test
    void producerAndConsumerOfOneIdShareTheInstanceUntilTheLastLeaves() throws Exception {
        DefaultMQProducer producer = named(new DefaultMQProducer("ShareP"), "shared-c");
        DefaultMQPushConsumer consumer = named(new DefaultMQPushConsumer("ShareC"), "shared-c");
        consumer.subscribe("ShareTopic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        producer.start();
        consumer.start();
        MQClientInstance shared = MQClientManager.getInstance().getOrCreateMQClientInstance(producer);

        assertThat(shared.selectProducer("ShareP")).isNotNull();
        assertThat(shared.selectConsumer("ShareC")).isNotNull();

        producer.shutdown();
        assertThat(MQClientManager.getInstance().getOrCreateMQClientInstance(consumer)).as("still used by the consumer").isSameAs(shared);
        assertThat(shared.selectProducer("ShareP")).isNull();

        consumer.shutdown();
        assertThat(MQClientManager.getInstance().getOrCreateMQClientInstance(consumer)).as("a fresh one after the last left")
                .isNotSameAs(shared);
    }
}
