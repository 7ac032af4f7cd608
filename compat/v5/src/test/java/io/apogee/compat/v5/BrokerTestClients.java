package io.apogee.compat.v5;

import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Official 5.2.0 clients tuned for tests: own instance names (so several live in one JVM), fast route
 * polling (topics created during a test become visible within a second) and short offset persistence.
 */
final class BrokerTestClients {
    static {
        // Rebalance on a short timer too, not only on NOTIFY_CONSUMER_IDS_CHANGED.
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    private BrokerTestClients() {
    }

    static DefaultMQProducer producer(String namesrvAddr, String group) {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("p-" + UUID.randomUUID());
        producer.setPollNameServerInterval(1000);
        producer.setSendMsgTimeout(5000);
        return producer;
    }

    static DefaultMQPushConsumer pushConsumer(String namesrvAddr, String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("c-" + UUID.randomUUID());
        consumer.setPollNameServerInterval(1000);
        consumer.setPersistConsumerOffsetInterval(500);
        consumer.setHeartbeatBrokerInterval(1000);
        return consumer;
    }

    static DefaultLitePullConsumer litePullConsumer(String namesrvAddr, String group) {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("l-" + UUID.randomUUID());
        consumer.setPollNameServerInterval(1000);
        consumer.setAutoCommitIntervalMillis(500);
        return consumer;
    }

    static DefaultMQAdminExt admin(String namesrvAddr) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("admin-" + UUID.randomUUID());
        admin.start();
        return admin;
    }
}
