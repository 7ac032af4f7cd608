package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.client.impl.MQClientAPI;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageQueue;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.server.BrokerGroup;
import io.apogee.store.BrokerRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other way round from {@link ApacheMasterApogeeSlaveTest}: an Apache RocketMQ 5.2.0 slave (child
 * JVM) learns an Apogee master from an Apogee name server and replicates from its HA port.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ApogeeMasterApacheSlaveTest {
    private static final int COMMIT_LOG_FILE_SIZE = 16 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void apacheSlaveFollowsAnApogeeMaster() throws Exception {
        BrokerGroup group = BrokerGroup.start(dir, BrokerRole.ASYNC_MASTER, false,
                store -> store.setMappedFileSizeCommitLog(COMMIT_LOG_FILE_SIZE));
        String namesrvAddr = group.namesrvAddr();
        int slavePort = FreePorts.brokerPort();
        NettyRemotingClient remoting = new NettyRemotingClient(new NettyClientConfig());
        remoting.start();
        DefaultMQProducer producer = Clients.producer(namesrvAddr);
        try (ChildJvm slave = apacheSlave(namesrvAddr, slavePort)) {
            producer.start();
            String topic = Names.unique("Replicated");
            SendResult last = null;
            for (int i = 0; i < 30; i++) {
                last = producer.send(new Message(topic, "T", ("replicated-" + i).getBytes(StandardCharsets.UTF_8)));
                assertThat(last.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            MessageQueue mq = last.getMessageQueue();
            long expectedMax = last.getQueueOffset() + 1;
            MQClientAPI api = new MQClientAPI(remoting);
            String slaveAddr = "127.0.0.1:" + slavePort;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> api.getMaxOffset(slaveAddr, mq, 3000) == expectedMax);
            assertThat(slave.isAlive()).isTrue();
        } finally {
            producer.shutdown();
            remoting.shutdown();
            group.close();
        }
    }

    private ChildJvm apacheSlave(String namesrvAddr, int port) throws Exception {
        Path home = Files.createDirectories(dir.resolve("apache-slave"));
        Path store = home.resolve("store");
        String conf = String.join("\n",
                "brokerClusterName=" + ApacheRocketMQCluster.CLUSTER,
                "brokerName=" + BrokerGroup.BROKER_NAME,
                "brokerId=1",
                "brokerRole=SLAVE",
                "brokerIP1=127.0.0.1",
                "listenPort=" + port,
                "haListenPort=" + (port + 1),
                "namesrvAddr=" + namesrvAddr,
                "storePathRootDir=" + store,
                "storePathCommitLog=" + store.resolve("commitlog"),
                "mappedFileSizeCommitLog=" + COMMIT_LOG_FILE_SIZE,
                "useEpollNativeSelector=false",
                "diskMaxUsedSpaceRatio=99",
                "");
        Path file = Files.writeString(home.resolve("broker.conf"), conf);
        return ChildJvm.start("apache-slave", home, "512m", "org.apache.rocketmq.broker.BrokerStartup", "-c", file.toString());
    }
}
