package io.apogee.compat.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.NamesrvController;
import io.apogee.remoting.netty.NettyServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 4.9.7 admin tool, producer and broker-side remoting classes against our name server.
 * One name server serves the whole class (the official clients take seconds to shut down); each test
 * uses its own broker and topic names.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamesrvCompatTest {
    private static final Duration SHORT_EXPIRY = Duration.ofMillis(1500);

    @TempDir
    static Path dir;
    private final NamesrvConfig config = new NamesrvConfig();
    private NamesrvController namesrv;
    private String namesrvAddr;
    private OfficialBrokerRegistrar broker;
    private DefaultMQAdminExt admin;

    @BeforeAll
    void start() throws Exception {
        config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        config.setScanNotActiveBrokerInterval(100);
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setBindAddress("127.0.0.1");
        serverConfig.setListenPort(0);
        namesrv = new NamesrvController(config, serverConfig);
        namesrv.start();
        namesrvAddr = "127.0.0.1:" + namesrv.localPort();
        broker = new OfficialBrokerRegistrar(namesrvAddr);
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("admin-" + UUID.randomUUID());
        admin.start();
    }

    @AfterAll
    void stop() {
        admin.shutdown();
        broker.close();
        namesrv.shutdown();
    }

    @Test
    void officialToolsSeePlainAndCompressedRegistrations() throws Exception {
        broker.register("broker-a", 0, "127.0.0.1:20911", false, List.of("TopicTest", "TopicA"));
        broker.register("broker-b", 0, "127.0.0.1:20921", true, List.of("TopicTest", "TopicB"));

        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        assertThat(cluster.getClusterAddrTable().get(OfficialBrokerRegistrar.CLUSTER)).contains("broker-a", "broker-b");
        assertThat(cluster.getBrokerAddrTable().get("broker-b").getBrokerAddrs()).containsEntry(0L, "127.0.0.1:20921");

        TopicRouteData route = admin.examineTopicRouteInfo("TopicTest");
        assertThat(route.getQueueDatas()).extracting(QueueData::getBrokerName).containsExactlyInAnyOrder("broker-a", "broker-b");
        assertThat(route.getQueueDatas()).allSatisfy(q -> {
            assertThat(q.getReadQueueNums()).isEqualTo(4);
            assertThat(q.getPerm()).isEqualTo(6);
        });
        assertThat(route.getBrokerDatas()).extracting(BrokerData::selectBrokerAddr)
                .containsExactlyInAnyOrder("127.0.0.1:20911", "127.0.0.1:20921");

        assertThat(admin.fetchAllTopicList().getTopicList()).contains("TopicTest", "TopicA", "TopicB");
    }

    @Test
    void slaveRegistrationLearnsTheMaster() throws Exception {
        broker.register("broker-s", 0, "127.0.0.1:20951", false, List.of("SlaveTopic", "SlaveTopic2"));

        RegisterBrokerResponseHeader slave = broker.register("broker-s", 1, "127.0.0.1:20961", true, List.of("SlaveTopic", "SlaveTopic2"));

        assertThat(slave.getMasterAddr()).isEqualTo("127.0.0.1:20951");
        assertThat(slave.getHaServerAddr()).isEqualTo("127.0.0.1:10912");
        assertThat(admin.examineTopicRouteInfo("SlaveTopic").getBrokerDatas().get(0).getBrokerAddrs()).containsOnlyKeys(0L, 1L);
    }

    @Test
    void officialProducerFetchesRoutesAndFailsOnUnknownTopics() throws Exception {
        broker.register("broker-p", 0, "127.0.0.1:20971", false, List.of("ProducerTopic", "ProducerTopic2"));
        DefaultMQProducer producer = new DefaultMQProducer("compat-producer");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("producer-" + UUID.randomUUID());
        producer.start();
        try {
            List<MessageQueue> queues = producer.fetchPublishMessageQueues("ProducerTopic");
            assertThat(queues).hasSize(4).allSatisfy(q -> assertThat(q.getBrokerName()).isEqualTo("broker-p"));

            assertThatThrownBy(() -> producer.send(new Message("NoSuchTopic", "x".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(MQClientException.class)
                    .hasMessageContaining("No route info of this topic");
        } finally {
            producer.shutdown();
        }
        assertThatThrownBy(() -> admin.examineTopicRouteInfo("NoSuchTopic"))
                .isInstanceOfSatisfying(MQClientException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
                    assertThat(e.getErrorMessage()).startsWith("No topic route info in name server for the topic: NoSuchTopic");
                });
    }

    @Test
    void aBrokerThatStopsRegisteringExpires() throws Exception {
        long defaultExpiry = config.getBrokerChannelExpiredMillis();
        config.setBrokerChannelExpiredMillis(SHORT_EXPIRY.toMillis());
        try {
            broker.register("broker-e", 0, "127.0.0.1:20981", false, List.of("ExpiringTopic", "ExpiringTopic2"));
        } finally {
            config.setBrokerChannelExpiredMillis(defaultExpiry);
        }
        assertThat(admin.examineBrokerClusterInfo().getBrokerAddrTable()).containsKey("broker-e");

        await().atMost(SHORT_EXPIRY.multipliedBy(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !admin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey("broker-e"));
        assertThatThrownBy(() -> admin.examineTopicRouteInfo("ExpiringTopic")).isInstanceOf(MQClientException.class);
    }

    @Test
    void aBrokerWhoseConnectionClosesDisappearsAtOnce() throws Exception {
        try (OfficialBrokerRegistrar other = new OfficialBrokerRegistrar(namesrvAddr)) {
            other.register("broker-c", 0, "127.0.0.1:20941", false, List.of("ClosingTopic", "ClosingTopic2"));
            assertThat(admin.examineBrokerClusterInfo().getBrokerAddrTable()).containsKey("broker-c");
        }

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> !admin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey("broker-c"));
    }

    @Test
    void officialAdminManagesPermissionsTopicsAndConfig() throws Exception {
        broker.register("broker-w", 0, "127.0.0.1:20991", false, List.of("PermTopic", "DoomedTopic"));

        assertThat(admin.wipeWritePermOfBroker(namesrvAddr, "broker-w")).isEqualTo(2);
        assertThat(admin.examineTopicRouteInfo("PermTopic").getQueueDatas().get(0).getPerm()).isEqualTo(4);
        assertThat(admin.addWritePermOfBroker(namesrvAddr, "broker-w")).isEqualTo(2);
        assertThat(admin.examineTopicRouteInfo("PermTopic").getQueueDatas().get(0).getPerm()).isEqualTo(6);

        assertThat(admin.fetchTopicsByCLuster(OfficialBrokerRegistrar.CLUSTER).getTopicList()).contains("PermTopic", "DoomedTopic");
        // 4.9.7's admin hands its (clusterName, topic) arguments on swapped, so the topic goes second here.
        admin.deleteTopicInNameServer(Set.of(namesrvAddr), "DoomedTopic", OfficialBrokerRegistrar.CLUSTER);
        assertThat(admin.fetchAllTopicList().getTopicList()).contains("PermTopic").doesNotContain("DoomedTopic");

        Properties update = new Properties();
        update.setProperty("productEnvName", "compat");
        admin.updateNameServerConfig(update, List.of(namesrvAddr));
        assertThat(admin.getNameServerConfig(List.of(namesrvAddr)).get(namesrvAddr).getProperty("productEnvName")).isEqualTo("compat");
    }

    @Test
    void officialKvConfigCalls() throws Exception {
        admin.createAndUpdateKvConfig("ns", "k", "v");

        assertThat(admin.getKVConfig("ns", "k")).isEqualTo("v");
        assertThat(admin.getKVListByNamespace("ns").getTable()).containsEntry("k", "v");

        admin.deleteKvConfig("ns", "k");
        assertThatThrownBy(() -> admin.getKVConfig("ns", "k")).isInstanceOf(MQClientException.class);
    }
}
