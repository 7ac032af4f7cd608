package io.apogee.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.protocol.namesrv.KvNamespace;
import io.apogee.server.Standalone;
import io.apogee.tools.MQAdminRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every command run through the command line against an embedded name server + broker, asserting on what it prints. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MQAdminCommandsTest {
    private static final Pattern SENT = Pattern.compile("(?m)^(\\S+)\\s+(\\d+)\\s+SEND_OK\\s+(\\S+)$");

    @TempDir
    static Path dir;

    private static Standalone server;
    private static MQAdminRunner mqadmin;
    private static String cluster;
    private static String brokerName;
    private static String brokerAddr;

    @BeforeAll
    static void startServer() {
        server = Standalone.forTests(dir).start();
        mqadmin = new MQAdminRunner(server.namesrvAddr());
        cluster = server.brokerConfig().getBrokerClusterName();
        brokerName = server.brokerConfig().getBrokerName();
        brokerAddr = server.brokerAddr();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.shutdown();
        }
    }

    private static Result ok(String... args) {
        Result r = mqadmin.run(args);
        assertThat(r.exitCode()).as("exit code of %s, stderr: %s", String.join(" ", args), r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r;
    }

    private static void createTopic(String topic, int queues) {
        ok("updateTopic", "-c", cluster, "-t", topic, "-r", String.valueOf(queues), "-w", String.valueOf(queues));
    }

    /** Sends one message; returns its unique id as printed. */
    private static String send(String topic, String body, String... more) {
        List<String> args = new ArrayList<>(List.of("sendMessage", "-t", topic, "-p", body));
        args.addAll(List.of(more));
        Matcher m = SENT.matcher(ok(args.toArray(String[]::new)).out());
        assertThat(m.find()).as("a SEND_OK row").isTrue();
        return m.group(3);
    }

    @Test
    void createdTopicShowsInTopicListRouteAndStatus() {
        Result created = ok("updateTopic", "-c", cluster, "-t", "ToolsTopicA", "-r", "3", "-w", "3");
        assertThat(created.out()).contains("create topic to " + brokerAddr + " success.").contains("ToolsTopicA");

        assertThat(ok("topicList").out().lines()).contains("ToolsTopicA");
        assertThat(ok("topicList", "-c").lineWith("ToolsTopicA")).startsWith(cluster);

        assertThat(ok("topicRoute", "-t", "ToolsTopicA").out())
                .contains("\"brokerName\" : \"" + brokerName + "\"").contains("\"readQueueNums\" : 3");
        String row = ok("topicRoute", "-t", "ToolsTopicA", "-l").lineWith(brokerName);
        assertThat(row.split("\\s+")).containsSequence("3", "3", "6");

        Result status = ok("topicStatus", "-t", "ToolsTopicA");
        assertThat(status.out().lines().filter(l -> l.startsWith(brokerName))).hasSize(3);
    }

    @Test
    void orderedTopicLayoutGoesToTheNameServer() throws Exception {
        assertThat(ok("updateTopic", "-b", brokerAddr, "-t", "ToolsTopicOrdered", "-r", "4", "-w", "4", "-o", "true").out())
                .contains("set broker orderConf. isOrder=true, orderConf=[" + brokerName + ":4]").contains("order=true");
        assertThat(kvConfig(KvNamespace.ORDER_TOPIC_CONFIG, "ToolsTopicOrdered")).isEqualTo(brokerName + ":4");
        assertThat(ok("updateTopic", "-c", cluster, "-t", "ToolsTopicOrdered", "-r", "2", "-w", "2", "-o", "true").out())
                .contains("set cluster orderConf. isOrder=true, orderConf=[" + brokerName + ":2]");
        assertThat(kvConfig(KvNamespace.ORDER_TOPIC_CONFIG, "ToolsTopicOrdered")).isEqualTo(brokerName + ":2");
    }

    @Test
    void kvConfigIsPutAndDeleted() throws Exception {
        assertThat(ok("updateKvConfig", "-s", "ToolsNamespace", "-k", "color", "-v", "blue").out())
                .contains("create or update kv config to namespace success.");
        assertThat(kvConfig("ToolsNamespace", "color")).isEqualTo("blue");
        assertThat(ok("deleteKvConfig", "-s", "ToolsNamespace", "-k", "color").out()).contains("delete kv config from namespace success.");
        assertThat(kvConfig("ToolsNamespace", "color")).isEmpty();
    }

    private static String kvConfig(String namespace, String key) throws Exception {
        try (AdminSession session = AdminSession.start(server.namesrvAddr())) {
            return new NameServerRequests(session).kvConfig(namespace, key);
        }
    }

    @Test
    void topicAndBrokerPermissionsChange() {
        createTopic("ToolsTopicPerm", 1);
        assertThat(ok("topicClusterList", "-t", "ToolsTopicPerm").out().lines()).containsExactly(cluster);

        assertThat(ok("updateTopicPerm", "-b", brokerAddr, "-t", "ToolsTopicPerm", "-p", "4").out())
                .contains("update topic perm from 6 to 4 in " + brokerAddr + " success.");
        assertThat(ok("topicRoute", "-t", "ToolsTopicPerm", "-l").lineWith(brokerName).split("\\s+")).endsWith("4");
        assertThat(ok("updateTopicPerm", "-c", cluster, "-t", "ToolsTopicPerm", "-p", "4").out()).contains("new perm equals to the old one!");
        assertThat(mqadmin.run("updateTopicPerm", "-c", cluster, "-t", "ToolsTopicPerm", "-p", "5").err()).contains("perm must be 2 (W), 4 (R) or 6 (RW)");
        ok("updateTopicPerm", "-c", cluster, "-t", "ToolsTopicPerm", "-p", "6");

        try {
            assertThat(ok("wipeWritePerm", "-b", brokerName).out())
                    .containsPattern("wipe write perm of broker\\[" + brokerName + "\\] in name server\\[" + server.namesrvAddr() + "\\] OK, [1-9]");
            assertThat(ok("topicRoute", "-t", "ToolsTopicPerm", "-l").lineWith(brokerName).split("\\s+")).endsWith("4");
        } finally {
            assertThat(ok("addWritePerm", "-b", brokerName).out()).contains("add write perm of broker[" + brokerName + "]");
        }
        assertThat(ok("topicRoute", "-t", "ToolsTopicPerm", "-l").lineWith(brokerName).split("\\s+")).endsWith("6");
    }

    @Test
    void deletedTopicIsGone() {
        createTopic("ToolsTopicGone", 1);
        Result deleted = ok("deleteTopic", "-c", cluster, "-t", "ToolsTopicGone");
        assertThat(deleted.out()).contains("delete topic [ToolsTopicGone] from cluster [" + cluster + "] success.");
        assertThat(ok("topicList").out().lines()).doesNotContain("ToolsTopicGone");
        assertThat(mqadmin.run("topicRoute", "-t", "ToolsTopicGone").exitCode()).isEqualTo(1);
    }

    @Test
    void sentMessageIsFoundByIdKeyAndOffset() {
        createTopic("ToolsTopicQuery", 1);
        String msgId = send("ToolsTopicQuery", "hello mqadmin", "-k", "order-42", "-c", "TagA");

        Result byId = ok("queryMsgById", "-t", "ToolsTopicQuery", "-i", msgId, "-f", "UTF-8");
        assertThat(byId.out()).contains("Topic:               ToolsTopicQuery").contains("Tags:                [TagA]")
                .contains("Keys:                [order-42]").contains("Message Body:        hello mqadmin")
                .contains("WARN: No Consumer");
        String offsetId = byId.lineWith("OffsetID:").split("\\s+")[1];
        assertThat(ok("queryMsgById", "-t", "ToolsTopicQuery", "-i", offsetId).out()).contains("MsgId:               " + msgId);

        // The index entry is written by the store's dispatcher, shortly after the send returned.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ok("queryMsgByKey", "-t", "ToolsTopicQuery", "-k", "order-42").lineWith(msgId)).matches(".*\\s+0\\s+0$"));

        assertThat(ok("queryMsgByUniqueKey", "-t", "ToolsTopicQuery", "-i", msgId).out()).contains("OffsetID:            " + offsetId);

        assertThat(ok("queryMsgByOffset", "-t", "ToolsTopicQuery", "-b", brokerName, "-i", "0", "-o", "0", "-f", "UTF-8").out())
                .contains("MsgId:               " + msgId).contains("hello mqadmin");
    }

    @Test
    void unknownMessageIdAndOffsetAreErrors() {
        createTopic("ToolsTopicEmpty", 1);
        Result byId = mqadmin.run("queryMsgById", "-t", "ToolsTopicEmpty", "-i", "7F00000100002A9F0000000000000000");
        assertThat(byId.exitCode()).isEqualTo(1);
        assertThat(byId.err()).contains("message not found").hasLineCount(1);

        Result byOffset = mqadmin.run("queryMsgByOffset", "-t", "ToolsTopicEmpty", "-b", brokerName, "-i", "0", "-o", "5");
        assertThat(byOffset.exitCode()).isEqualTo(1);
        assertThat(byOffset.err()).contains("no message at offset 5").hasLineCount(1);
    }

    @Test
    void consumerProgressShowsLagAndResetOffsetByTimeMovesIt() {
        createTopic("ToolsTopicLag", 1);
        for (int i = 0; i < 3; i++) {
            send("ToolsTopicLag", "m" + i);
        }
        Result reset = ok("resetOffsetByTime", "-g", "ToolsLagGroup", "-t", "ToolsTopicLag", "-s", "now",
                "-b", brokerAddr, "-q", "0", "-o", "1");
        assertThat(reset.out()).contains("reset consumer offset to 1");

        Result progress = ok("consumerProgress", "-g", "ToolsLagGroup", "-t", "ToolsTopicLag");
        assertThat(progress.lineWith("ToolsTopicLag").split("\\s+")).containsSequence(brokerName, "0", "3", "1", "2");
        assertThat(progress.out()).contains("Consume Diff Total: 2");
        assertThat(ok("queryMsgByOffset", "-t", "ToolsTopicLag", "-b", brokerName, "-i", "0", "-o", "0").out())
                .contains("MessageTrack [consumerGroup=ToolsLagGroup, trackType=NOT_ONLINE");

        // No consumer of the group is online: the stored offsets are moved directly, back to the first message.
        Result rewound = ok("resetOffsetByTime", "-g", "ToolsLagGroup", "-t", "ToolsTopicLag", "-s", "0");
        assertThat(rewound.lineWith(brokerName).split("\\s+")).containsExactly(brokerName, "0", "3", "1", "0", "0");
        assertThat(ok("consumerProgress", "-g", "ToolsLagGroup", "-t", "ToolsTopicLag").out()).contains("Consume Diff Total: 3");
    }

    @Test
    void subscriptionGroupIsCreatedThenDeleted() throws Exception {
        Result created = ok("updateSubGroup", "-b", brokerAddr, "-g", "ToolsSubGroup", "-r", "5", "-o", "true");
        assertThat(created.out()).contains("create subscription group to " + brokerAddr + " success.")
                .contains("\"groupName\":\"ToolsSubGroup\"").contains("\"retryMaxTimes\":5");

        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(server.namesrvAddr());
        admin.start();
        try {
            assertThat(admin.examineSubscriptionGroupConfig(brokerAddr, "ToolsSubGroup").getRetryMaxTimes()).isEqualTo(5);
            assertThat(admin.examineSubscriptionGroupConfig(brokerAddr, "ToolsSubGroup").isConsumeMessageOrderly()).isTrue();

            Result deleted = ok("deleteSubGroup", "-c", cluster, "-g", "ToolsSubGroup");
            assertThat(deleted.out()).contains("delete subscription group [ToolsSubGroup] from broker [" + brokerAddr + "] in cluster [" + cluster + "] success.");
            assertThatThrownBy(() -> admin.examineSubscriptionGroupConfig(brokerAddr, "ToolsSubGroup")).isInstanceOf(MQBrokerException.class);
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void printMsgAndConsumeMessageShowTheMessages() {
        createTopic("ToolsTopicPrint", 1);
        String first = send("ToolsTopicPrint", "body-one", "-c", "TagA");
        String second = send("ToolsTopicPrint", "body-two", "-c", "TagB");

        Result printed = ok("printMsg", "-t", "ToolsTopicPrint");
        assertThat(printed.out()).contains("minOffset=0, maxOffset=2")
                .contains("MSGID: " + first).contains("BODY: body-one").contains("MSGID: " + second).contains("BODY: body-two");
        Result tagB = ok("printMsg", "-t", "ToolsTopicPrint", "-s", "TagB", "-d", "false");
        assertThat(tagB.out()).doesNotContain(first).contains("MSGID: " + second).contains("NOT PRINT BODY");

        Result consumed = ok("consumeMessage", "-t", "ToolsTopicPrint", "-c", "1");
        assertThat(consumed.out().lines().filter(l -> l.startsWith("MSGID: "))).hasSize(1);
        assertThat(consumed.out()).contains("BODY: body-one");
        Result fromOffset = ok("consumeMessage", "-t", "ToolsTopicPrint", "-b", brokerName, "-i", "0", "-o", "1");
        assertThat(fromOffset.out()).contains("BODY: body-two").doesNotContain("body-one");
    }

    @Test
    void clusterAndBrokerCommands() {
        assertThat(ok("clusterList").lineWith(brokerAddr)).startsWith(cluster).contains(brokerName).contains("true");
        assertThat(ok("clusterList", "-m").lineWith(brokerName)).startsWith(cluster);
        assertThat(ok("brokerStatus", "-b", brokerAddr).out()).containsPattern("(?m)^brokerVersionDesc\\s+: ");
        assertThat(ok("brokerStatus", "-c", cluster).out()).contains(brokerAddr);

        assertThat(ok("getBrokerConfig", "-b", brokerAddr).out())
                .contains("============" + brokerAddr + "============").containsPattern("(?m)^brokerName\\s+=  " + brokerName + "$");
        assertThat(ok("updateBrokerConfig", "-b", brokerAddr, "-k", "regionId", "-v", "ToolsRegion").out())
                .contains("update broker config success, " + brokerAddr);
        assertThat(ok("getBrokerConfig", "-c", cluster).out())
                .contains("============Master: " + brokerAddr + "============").containsPattern("(?m)^regionId\\s+=  ToolsRegion$");
    }

    @Test
    void groupWithoutConsumersHasNoConnections() {
        Result r = mqadmin.run("consumerConnection", "-g", "ToolsNobodyGroup");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("mqadmin consumerConnection: consumer group ToolsNobodyGroup is unknown").hasLineCount(1);
    }

    @Test
    void onlineProducerAndConsumerShowTheirConnections() throws Exception {
        createTopic("ToolsTopicOnline", 2);
        DefaultMQProducer producer = new DefaultMQProducer("ToolsProducerGroup");
        producer.setNamesrvAddr(server.namesrvAddr());
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("ToolsPushGroup");
        consumer.setNamesrvAddr(server.namesrvAddr());
        consumer.subscribe("ToolsTopicOnline", "TagA || TagB");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        producer.start();
        consumer.start();
        try {
            String msgId = producer.send(new Message("ToolsTopicOnline", "TagA", "hi".getBytes(StandardCharsets.UTF_8))).getMsgId();
            // The producer's group reaches the broker with its next heartbeat, which the send sets off.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    ok("producerConnection", "-g", "ToolsProducerGroup", "-t", "ToolsTopicOnline").out())
                    .containsPattern("(?m)^0001  \\S+@\\S+ +\\S+ +JAVA +V5_2_0$"));

            Result connection = ok("consumerConnection", "-g", "ToolsPushGroup");
            assertThat(connection.out()).containsPattern("(?m)^ToolsTopicOnline +TagA \\|\\| TagB$")
                    .contains("ConsumeType: CONSUME_PASSIVELY").contains("MessageModel: CLUSTERING");
            assertThat(ok("consumerConnection", "-g", "ToolsPushGroup", "-b", brokerAddr).out()).contains("V5_2_0");

            // The consumer reports its queues once rebalanced; every queue then shows its client.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    ok("consumerProgress", "-g", "ToolsPushGroup", "-t", "ToolsTopicOnline", "-s", "true").out().lines()
                            .filter(l -> l.startsWith("ToolsTopicOnline")).filter(l -> !l.split("\\s+")[5].equals("N/A"))).hasSize(2));
            assertThat(ok("getConsumerStatus", "-g", "ToolsPushGroup", "-t", "ToolsTopicOnline").out())
                    .contains("get consumer status from client. group=ToolsPushGroup, topic=ToolsTopicOnline")
                    .containsPattern("(?m)^\\S+@\\S+ +" + brokerName + " +[01] +\\d+ *$");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ok("queryMsgById", "-t", "ToolsTopicOnline", "-i", msgId).out())
                    .contains("MessageTrack [consumerGroup=ToolsPushGroup, trackType=CONSUMED, exceptionDesc=null]"));
            assertThat(ok("consumerProgress").lineWith("ToolsPushGroup").split("\\s+")).containsSequence("ToolsPushGroup", "1", "V5_2_0", "PUSH", "CLUSTERING");
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void unknownTopicIsAOneLineError() {
        Result r = mqadmin.run("topicStatus", "-t", "ToolsNoSuchTopic");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("mqadmin topicStatus: ").contains("ToolsNoSuchTopic").contains("TOPIC_NOT_EXIST").hasLineCount(1);
    }

    @Test
    void unknownClusterIsAOneLineError() {
        Result r = mqadmin.run("updateTopic", "-c", "NoSuchCluster", "-t", "ToolsTopicX");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cluster NoSuchCluster does not exist").hasLineCount(1);
    }
}
