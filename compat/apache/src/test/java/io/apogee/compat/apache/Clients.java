package io.apogee.compat.apache;

import io.apogee.client.ClientConfig;
import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.producer.DefaultMQProducer;

/** Clients configured for tests: own instance names (several per JVM and group) and short periodic intervals. */
final class Clients {
    private Clients() {
    }

    static <T extends ClientConfig> T configure(T client, String namesrvAddr) {
        client.setNamesrvAddr(namesrvAddr);
        client.setInstanceName(Names.unique("instance"));
        client.setPollNameServerInterval(1000);
        client.setHeartbeatBrokerInterval(2000);
        client.setPersistConsumerOffsetInterval(1000);
        return client;
    }

    static DefaultMQProducer producer(String namesrvAddr) {
        return configure(new DefaultMQProducer(Names.unique("PG")), namesrvAddr);
    }

    static DefaultMQPushConsumer pushConsumer(String group, String namesrvAddr) {
        return configure(new DefaultMQPushConsumer(group), namesrvAddr);
    }
}
