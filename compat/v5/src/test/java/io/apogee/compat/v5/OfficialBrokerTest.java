package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.NamesrvController;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An official 5.2.0 broker, in-process, uses our name server as its only name server: it registers
 * (full and single-topic registrations), the official producer finds it through our routes and
 * sends, and its graceful shutdown unregisters it.
 */
@Timeout(180)
class OfficialBrokerTest {
    private static final String BROKER = "official-broker";

    @TempDir
    Path dir;

    @Test
    void officialBrokerRegistersServesAndUnregisters() throws Exception {
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        io.apogee.remoting.netty.NettyServerConfig namesrvServer = new io.apogee.remoting.netty.NettyServerConfig();
        namesrvServer.setBindAddress("127.0.0.1");
        NamesrvController namesrv = new NamesrvController(namesrvConfig, namesrvServer);
        namesrv.start();
        String namesrvAddr = "127.0.0.1:" + namesrv.localPort();
        int brokerPort = freeBrokerPort();
        BrokerController broker = officialBroker(namesrvAddr, brokerPort);
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("admin-" + UUID.randomUUID());
        DefaultMQProducer producer = new DefaultMQProducer("official-broker-producer");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("producer-" + UUID.randomUUID());
        try {
            assertThat(broker.initialize()).isTrue();
            broker.start();
            admin.start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> ("127.0.0.1:" + brokerPort).equals(
                            admin.examineBrokerClusterInfo().getBrokerAddrTable().get(BROKER).getBrokerAddrs().get(0L)));
            assertThat(admin.examineTopicRouteInfo("TBW102").getQueueDatas()).isNotEmpty();

            producer.start();
            SendResult sent = producer.send(new Message("CreatedOnTheFly", "hello".getBytes(StandardCharsets.UTF_8)));
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            // The broker created the topic from the TBW102 template and registered it with us.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> !admin.examineTopicRouteInfo("CreatedOnTheFly").getQueueDatas().isEmpty());
        } finally {
            producer.shutdown();
            broker.shutdown();
        }
        try {
            assertThat(admin.examineBrokerClusterInfo().getBrokerAddrTable()).doesNotContainKey(BROKER);
        } finally {
            admin.shutdown();
            namesrv.shutdown();
        }
    }

    private BrokerController officialBroker(String namesrvAddr, int port) {
        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setBrokerClusterName("DefaultCluster");
        brokerConfig.setBrokerName(BROKER);
        brokerConfig.setBrokerId(0);
        brokerConfig.setBrokerIP1("127.0.0.1");
        brokerConfig.setNamesrvAddr(namesrvAddr);
        brokerConfig.setAutoCreateTopicEnable(true);
        // The zlib registration form (which 5.2.0 sends with a header claiming it is not compressed).
        brokerConfig.setCompressedRegister(true);
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setListenPort(port);
        serverConfig.setUseEpollNativeSelector(false);
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        Path store = dir.resolve("store");
        storeConfig.setStorePathRootDir(store.toString());
        storeConfig.setStorePathCommitLog(store.resolve("commitlog").toString());
        storeConfig.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        storeConfig.setMappedFileSizeConsumeQueue(30_000 * 20);
        storeConfig.setHaListenPort(port + 1);
        storeConfig.setTimerWheelEnable(false);
        return new BrokerController(brokerConfig, serverConfig, new NettyClientConfig(), storeConfig);
    }

    /** A port p with p - 2 (the broker's "fast" port) and p + 1 (HA) also free. */
    private static int freeBrokerPort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            if (port > 1026 && port < 65534 && bindable(port) && bindable(port - 2) && bindable(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port triple found");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
