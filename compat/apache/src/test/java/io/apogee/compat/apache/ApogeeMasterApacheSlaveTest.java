package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.BrokerController;
import io.apogee.client.impl.MQClientAPI;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageQueue;
import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.NamesrvController;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.BrokerRole;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
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
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        NettyServerConfig namesrvServer = new NettyServerConfig();
        namesrvServer.setListenPort(0);
        NamesrvController namesrv = new NamesrvController(namesrvConfig, namesrvServer);
        namesrv.start();
        String namesrvAddr = "127.0.0.1:" + namesrv.localPort();
        BrokerController master = master(namesrvAddr);
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
            master.shutdown();
            namesrv.shutdown();
        }
    }

    private BrokerController master(String namesrvAddr) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerClusterName(ApacheRocketMQCluster.CLUSTER);
        config.setBrokerName("broker-a");
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setListenPort(0);
        config.setNamesrvAddr(namesrvAddr);
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setStorePathRootDir(dir.resolve("master").toString());
        storeConfig.setMappedFileSizeCommitLog(COMMIT_LOG_FILE_SIZE);
        storeConfig.setBrokerRole(BrokerRole.ASYNC_MASTER);
        storeConfig.setHaListenPort(0);
        BrokerController master = new BrokerController(config, new NettyServerConfig(), new NettyClientConfig(),
                new DefaultMessageStore(storeConfig));
        master.start();
        return master;
    }

    private ChildJvm apacheSlave(String namesrvAddr, int port) throws Exception {
        Path home = Files.createDirectories(dir.resolve("apache-slave"));
        Path store = home.resolve("store");
        String conf = String.join("\n",
                "brokerClusterName=" + ApacheRocketMQCluster.CLUSTER,
                "brokerName=broker-a",
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
