package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.LanguageCode;
import org.apache.rocketmq.remoting.protocol.body.CMResult;
import org.apache.rocketmq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.apache.rocketmq.remoting.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.TopicStatsTable;
import org.apache.rocketmq.remoting.protocol.body.ConsumeStatsList;
import org.apache.rocketmq.remoting.protocol.body.ConsumerConnection;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.apache.rocketmq.remoting.protocol.body.ProducerConnection;
import org.apache.rocketmq.remoting.protocol.body.ProducerInfo;
import org.apache.rocketmq.remoting.protocol.body.ProducerTableInfo;
import org.apache.rocketmq.remoting.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.remoting.protocol.heartbeat.ProducerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The official 5.2.0 admin tool (what mqadmin runs) against an Apogee standalone. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerAdminTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private Standalone apogee;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;

    @BeforeAll
    void start() throws Exception {
        apogee = Standalone.forTests(dir).start();
        admin = BrokerTestClients.admin(apogee.namesrvAddr());
        producer = BrokerTestClients.producer(apogee.namesrvAddr(), "admin-test-producer");
        producer.start();
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.shutdown();
        }
        if (admin != null) {
            admin.shutdown();
        }
        if (apogee != null) {
            apogee.shutdown();
        }
    }

    @Test
    void createTopicThenRouteAndStatsShowIt() throws Exception {
        admin.createTopic("TBW102", "AdminTopic", 6, new HashMap<>());

        await().atMost(WAIT).ignoreExceptions().until(() -> !admin.examineTopicRouteInfo("AdminTopic").getQueueDatas().isEmpty());
        TopicRouteData route = admin.examineTopicRouteInfo("AdminTopic");
        assertThat(route.getQueueDatas()).singleElement().satisfies(q -> {
            assertThat(q.getBrokerName()).isEqualTo("broker-a");
            assertThat(q.getWriteQueueNums()).isEqualTo(6);
        });
        assertThat(route.getBrokerDatas()).singleElement()
                .satisfies(b -> assertThat(b.getBrokerAddrs()).containsEntry(0L, apogee.brokerAddr()));

        for (int i = 0; i < 12; i++) {
            producer.send(new Message("AdminTopic", "T", ("s" + i).getBytes(StandardCharsets.UTF_8)));
        }
        // Consume queues are written by the dispatcher just after the put is acknowledged.
        await().atMost(WAIT).untilAsserted(() -> {
            TopicStatsTable stats = admin.examineTopicStats("AdminTopic");
            assertThat(stats.getOffsetTable()).hasSize(6);
            assertThat(stats.getOffsetTable().values().stream().mapToLong(o -> o.getMaxOffset()).sum()).isEqualTo(12);
        });
    }

    @Test
    void consumeStatsReachZeroLagAndConnectionsAreListed() throws Exception {
        admin.createTopic("TBW102", "ProgressTopic", 4, new HashMap<>());
        await().atMost(WAIT).ignoreExceptions().until(() -> !admin.examineTopicRouteInfo("ProgressTopic").getQueueDatas().isEmpty());
        for (int i = 0; i < 20; i++) {
            producer.send(new Message("ProgressTopic", "T", ("p" + i).getBytes(StandardCharsets.UTF_8)));
        }
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(apogee.namesrvAddr(), "progress-group");
        consumer.subscribe("ProgressTopic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            received.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(WAIT).until(() -> received.size() >= 20);

            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                ConsumeStats stats = admin.examineConsumeStats("progress-group", "ProgressTopic");
                assertThat(stats.getOffsetTable()).hasSize(4);
                assertThat(stats.computeTotalDiff()).isZero();
            });
            assertThat(admin.queryConsumeTimeSpan("ProgressTopic", "progress-group")).hasSize(4)
                    .allSatisfy(span -> assertThat(span.getMaxTimeStamp()).isGreaterThanOrEqualTo(span.getConsumeTimeStamp()));
            ConsumeStatsList brokerWide = admin.fetchConsumeStatsInBroker(apogee.brokerAddr(), false, 5_000);
            assertThat(brokerWide.getConsumeStatsList()).anySatisfy(entry -> assertThat(entry).containsKey("progress-group"));
            admin.cloneGroupOffset("progress-group", "progress-copy", "ProgressTopic", true);
            assertThat(admin.examineConsumeStats("progress-copy", "ProgressTopic").computeTotalDiff()).isZero();
            assertThat(admin.getDefaultMQAdminExtImpl().getMqClientInstance().getMQClientAPIImpl()
                    .getSystemTopicListFromBroker(apogee.brokerAddr(), 5_000).getTopicList())
                    .contains("TBW102", "SCHEDULE_TOPIC_XXXX", "broker-a");

            ConsumerConnection connection = admin.examineConsumerConnectionInfo("progress-group");
            assertThat(connection.getConnectionSet()).hasSize(1);
            assertThat(connection.getSubscriptionTable()).containsKey("ProgressTopic");
            String clientId = connection.getConnectionSet().iterator().next().getClientId();

            // Forwarded to the consumer over its own connection, answered by the client itself.
            ConsumerRunningInfo running = admin.getConsumerRunningInfo("progress-group", clientId, false);
            assertThat(running.getSubscriptionSet()).extracting(s -> s.getTopic()).contains("ProgressTopic");
            Map<String, Map<MessageQueue, Long>> status = admin.getConsumeStatus("ProgressTopic", "progress-group", "");
            assertThat(status).containsKey(clientId);
            MessageExt first = received.get(0);
            ConsumeMessageDirectlyResult direct = admin.consumeMessageDirectly("progress-group", clientId, "ProgressTopic",
                    offsetMsgIdOf(first));
            assertThat(direct.getConsumeResult()).isEqualTo(CMResult.CR_SUCCESS);

            // Rewind the online group to the beginning: the broker pushes the new offsets to the consumer.
            Map<MessageQueue, Long> reset = admin.resetOffsetByTimestamp("ProgressTopic", "progress-group", 0, true);
            assertThat(reset).hasSize(4).allSatisfy((mq, offset) -> assertThat(offset).isZero());
            await().atMost(WAIT).until(() -> received.size() >= 40);
        } finally {
            consumer.shutdown();
        }
    }

    private static String offsetMsgIdOf(MessageExt msg) {
        return MessageDecoder.createMessageId(msg.getStoreHost(), msg.getCommitLogOffset());
    }

    @Test
    void viewMessageByIdAndQueryByKey() throws Exception {
        Message message = new Message("LookupTopic", "T", "order-42", "payload".getBytes(StandardCharsets.UTF_8));
        SendResult sent = producer.send(message);

        MessageExt byOffsetId = admin.viewMessage(sent.getOffsetMsgId());
        assertThat(new String(byOffsetId.getBody(), StandardCharsets.UTF_8)).isEqualTo("payload");
        assertThat(byOffsetId.getKeys()).isEqualTo("order-42");

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            QueryResult result = admin.queryMessage("LookupTopic", "order-42", 10, 0, System.currentTimeMillis() + 60_000);
            assertThat(result.getMessageList()).singleElement()
                    .satisfies(m -> assertThat(m.getMsgId()).isEqualTo(sent.getMsgId()));
        });
        MessageExt byUniqueKey = admin.viewMessage("LookupTopic", sent.getMsgId());
        assertThat(byUniqueKey.getKeys()).isEqualTo("order-42");
    }

    @Test
    void producerConnectionsAreListedAndHeartbeatsAnswerWithTheBrokerVersion() throws Exception {
        producer.send(new Message("ProducerListTopic", "T", "hello".getBytes(StandardCharsets.UTF_8)));
        String clientId = producer.getDefaultMQProducerImpl().getMqClientFactory().getClientId();

        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            ProducerConnection connection = admin.examineProducerConnectionInfo("admin-test-producer", "ProducerListTopic");
            assertThat(connection.getConnectionSet()).singleElement().satisfies(c -> {
                assertThat(c.getClientId()).isEqualTo(clientId);
                assertThat(c.getLanguage()).isEqualTo(LanguageCode.JAVA);
                assertThat(c.getVersion()).isEqualTo(MQVersion.CURRENT_VERSION);
            });
        });
        ProducerTableInfo all = admin.getAllProducerInfo(apogee.brokerAddr());
        assertThat(all.getData().get("admin-test-producer")).extracting(ProducerInfo::getClientId).contains(clientId);

        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID("version-probe");
        ProducerData probe = new ProducerData();
        probe.setGroupName("version-probe-group");
        heartbeat.getProducerDataSet().add(probe);
        int brokerVersion = admin.getDefaultMQAdminExtImpl().getMqClientInstance().getMQClientAPIImpl()
                .sendHeartbeat(apogee.brokerAddr(), heartbeat, 5_000);
        assertThat(MQVersion.getVersionDesc(brokerVersion)).as("the version clients see in a heartbeat reply").isEqualTo("V5_2_0");
    }

    @Test
    void brokerRuntimeInfoAndConfigAreReadable() throws Exception {
        KVTable runtime = admin.fetchBrokerRuntimeStats(apogee.brokerAddr());
        assertThat(runtime.getTable()).containsKeys("brokerVersionDesc", "putTps", "msgPutTotalTodayNow", "commitLogDiskRatio");
        assertThat(admin.getBrokerConfig(apogee.brokerAddr())).containsEntry("brokerName", "broker-a");
        assertThat(admin.cleanExpiredConsumerQueueByAddr(apogee.brokerAddr())).isTrue();
        assertThat(admin.cleanUnusedTopicByAddr(apogee.brokerAddr())).isTrue();
    }

    @Test
    void aReadOnlyBrokerAnnouncesReadOnlyQueues() throws Exception {
        admin.createTopic("TBW102", "PermTopic", 2, new HashMap<>());
        await().atMost(WAIT).ignoreExceptions().until(() -> !admin.examineTopicRouteInfo("PermTopic").getQueueDatas().isEmpty());
        Properties readOnly = new Properties();
        readOnly.setProperty("brokerPermission", "4");
        admin.updateBrokerConfig(apogee.brokerAddr(), readOnly);
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(admin.examineTopicRouteInfo("PermTopic").getQueueDatas())
                    .singleElement().satisfies(q -> assertThat(q.getPerm()).isEqualTo(4)));
        } finally {
            Properties readWrite = new Properties();
            readWrite.setProperty("brokerPermission", "6");
            admin.updateBrokerConfig(apogee.brokerAddr(), readWrite);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(admin.examineTopicRouteInfo("PermTopic").getQueueDatas())
                .singleElement().satisfies(q -> assertThat(q.getPerm()).isEqualTo(6)));
    }
}
