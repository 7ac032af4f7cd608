package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.broker.BrokerController;
import io.apogee.server.BrokerGroup;
import io.apogee.store.BrokerRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Apogee master and slave behind one name server, driven by the official 5.2.0 client: what was
 * sent to the master is consumed from the slave once the master is gone, from where the group stopped.
 */
@Timeout(120)
class BrokerReplicationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "Replicated";
    private static final String GROUP = "replica-group";

    @TempDir
    Path dir;
    private BrokerGroup group;

    @AfterEach
    void stop() {
        if (group != null) {
            group.close();
        }
    }

    @Test
    void consumersCarryOnFromTheSlaveWhenTheMasterIsGone() throws Exception {
        group = BrokerGroup.start(dir, BrokerRole.ASYNC_MASTER, true, store -> store.setMappedFileSizeCommitLog(4 * 1024 * 1024));
        BrokerController master = group.master();
        BrokerController slave = group.slave();

        DefaultMQAdminExt admin = BrokerTestClients.admin(group.namesrvAddr());
        DefaultMQProducer producer = BrokerTestClients.producer(group.namesrvAddr(), "replica-producer");
        producer.start();
        try {
            admin.createAndUpdateTopicConfig(master.brokerAddr(), new TopicConfig(TOPIC, 4, 4, 6));
            send(producer, "before", 20);
            List<MessageExt> first = new CopyOnWriteArrayList<>();
            DefaultMQPushConsumer consumer = consumer(first);
            await().atMost(WAIT).until(() -> first.size() >= 20);
            consumer.shutdown();
            send(producer, "after", 10);
        } finally {
            producer.shutdown();
            admin.shutdown();
        }

        await().atMost(WAIT).until(() -> slave.store().getMaxPhyOffset() == master.store().getMaxPhyOffset()
                && slave.store().dispatchBehindBytes() == 0);
        // what the periodic sync (every 60 s) would do: topics and the group's offsets from the master
        slave.slaveSynchronizer().syncAll();
        assertThat(slave.offsetManager().queryOffsets(GROUP, TOPIC).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(20);
        group.stopMaster();

        List<MessageExt> resumed = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer fromSlave = consumer(resumed);
        try {
            await().atMost(WAIT).until(() -> resumed.size() >= 10);
            assertThat(resumed).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                    .allMatch(body -> body.startsWith("after-")).hasSize(10);
            // the group's progress lands on the slave while the master is away
            await().atMost(WAIT).until(() -> slave.offsetManager().queryOffsets(GROUP, TOPIC).values().stream()
                    .mapToLong(Long::longValue).sum() == 30);
        } finally {
            fromSlave.shutdown();
        }
    }

    private static void send(DefaultMQProducer producer, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            var result = producer.send(new Message(TOPIC, "T", (prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
    }

    private DefaultMQPushConsumer consumer(List<MessageExt> sink) throws Exception {
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(group.namesrvAddr(), GROUP);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            sink.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }
}
