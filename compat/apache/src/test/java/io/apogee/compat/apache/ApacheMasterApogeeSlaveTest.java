package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.BrokerController;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageIds;
import io.apogee.common.message.MessageQueue;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.BrokerRole;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic HA wire both ways of the name server and the HA port: an Apogee slave registers with an
 * Apache RocketMQ 5.2.0 name server, learns the Apache master's HA address from the answer and
 * replicates its commit log at the same offsets.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ApacheMasterApogeeSlaveTest {
    /** The Apache broker's commit-log file size (ApacheRocketMQCluster); replicas must cut files at the same offsets. */
    private static final int COMMIT_LOG_FILE_SIZE = 64 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void apogeeSlaveFollowsAnApacheMaster() throws Exception {
        try (ApacheRocketMQCluster cluster = ApacheRocketMQCluster.start(1, 1)) {
            BrokerController slave = slave(cluster.namesrvAddr());
            DefaultMQProducer producer = Clients.producer(cluster.namesrvAddr());
            producer.start();
            try {
                String topic = Names.unique("Replicated");
                List<SendResult> sent = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    SendResult result = producer.send(new Message(topic, "T", ("replicated-" + i).getBytes(StandardCharsets.UTF_8)));
                    assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                    sent.add(result);
                }
                for (SendResult result : sent) {
                    // the offset id names the master's commit-log offset: the slave holds the record at the same one
                    long offset = MessageIds.decodeOffsetMessageId(result.getOffsetMsgId()).offset();
                    await().atMost(Duration.ofSeconds(60)).until(() -> slave.store().lookMessageByOffset(offset) != null);
                    MessageExt replica = slave.store().lookMessageByOffset(offset);
                    assertThat(replica.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)).isEqualTo(result.getMsgId());
                    assertThat(replica.getQueueOffset()).isEqualTo(result.getQueueOffset());
                }
                // metadata comes from the Apache master too (topics, consumer and delay offsets, groups)
                slave.slaveSynchronizer().syncAll();
                assertThat(slave.topicManager().select(topic)).isNotNull();
                MessageQueue mq = sent.get(sent.size() - 1).getMessageQueue();
                try (QueueProbe probe = new QueueProbe(cluster.namesrvAddr())) {
                    long masterMax = probe.maxOffset(mq);
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> slave.store().getMaxOffsetInQueue(topic, mq.getQueueId()) == masterMax);
                }
            } finally {
                producer.shutdown();
                slave.shutdown();
            }
        }
    }

    private BrokerController slave(String namesrvAddr) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerClusterName(ApacheRocketMQCluster.CLUSTER);
        config.setBrokerName("broker-a");
        config.setBrokerId(1);
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setListenPort(0);
        config.setNamesrvAddr(namesrvAddr);
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setStorePathRootDir(dir.resolve("slave").toString());
        storeConfig.setMappedFileSizeCommitLog(COMMIT_LOG_FILE_SIZE);
        storeConfig.setBrokerRole(BrokerRole.SLAVE);
        BrokerController slave = new BrokerController(config, new NettyServerConfig(), new NettyClientConfig(),
                new DefaultMessageStore(storeConfig));
        slave.start();
        return slave;
    }
}
