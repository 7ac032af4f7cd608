package io.apogee.compat.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad requests built with the official 4.9.7 remoting classes against a broker that does not
 * auto-create topics: each gets the official error code and a remark, and the broker keeps serving.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerBadRequestsV4Test {
    @TempDir
    static Path dir;
    private Standalone apogee;
    private NettyRemotingClient client;

    @BeforeAll
    void start() {
        apogee = Standalone.forTests(dir);
        apogee.brokerConfig().setAutoCreateTopicEnable(false);
        apogee.start();
        apogee.broker().topicManager().createIfAbsent("V4Existing", 4, PermName.PERM_READ | PermName.PERM_WRITE, 0);
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (apogee != null) {
            apogee.shutdown();
        }
    }

    private RemotingCommand send(String topic, byte[] body) throws Exception {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup("v4-bad-requests");
        header.setTopic(topic);
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(0);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setReconsumeTimes(0);
        header.setBatch(false);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header));
        request.setBody(body);
        return client.invokeSync(apogee.brokerAddr(), request, 5000);
    }

    private RemotingCommand pull(String topic, int queueId) throws Exception {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup("v4-bad-requests");
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setQueueOffset(0L);
        header.setMaxMsgNums(32);
        header.setSysFlag(0);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(0L);
        header.setSubscription("*");
        header.setSubVersion(0L);
        return client.invokeSync(apogee.brokerAddr(), RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, header), 5000);
    }

    private static void assertError(RemotingCommand response, int code, String... remarkParts) {
        assertThat(response.getCode()).isEqualTo(code);
        assertThat(response.getRemark()).contains(remarkParts);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unknownTopicIsRefusedWhenAutoCreationIsOff() throws Exception {
        assertError(send("V4NeverCreated", bytes("x")), ResponseCode.TOPIC_NOT_EXIST, "V4NeverCreated");
    }

    @Test
    void oversizedBodyIsIllegalAndTheRemarkNamesSizeAndLimit() throws Exception {
        int limit = apogee.storeConfig().getMaxMessageSize();
        assertError(send("V4Existing", new byte[limit + 1]), ResponseCode.MESSAGE_ILLEGAL, "MAX: " + limit, "got: " + (limit + 1));
    }

    @Test
    void illegalTopicNameIsRefused() throws Exception {
        assertError(send("no/slashes", bytes("x")), ResponseCode.SYSTEM_ERROR, "illegal characters");
    }

    @Test
    void pullFromAQueueThatDoesNotExistIsAnError() throws Exception {
        assertError(pull("V4Existing", 99), ResponseCode.SYSTEM_ERROR, "queueId[99] is illegal");
    }

    @Test
    void missingRequiredHeaderFieldIsNamed() throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_MAX_OFFSET, null);
        request.addExtField("topic", "V4Existing");

        RemotingCommand response = client.invokeSync(apogee.brokerAddr(), request, 5000);

        assertError(response, ResponseCode.SYSTEM_ERROR, "queueId");
    }

    @Test
    void theOfficialProducerIsStillServedAfterwards() throws Exception {
        send("bad topic", bytes("x"));
        pull("V4Existing", 42);
        DefaultMQProducer producer = new DefaultMQProducer("v4-after-bad-requests");
        producer.setNamesrvAddr(apogee.namesrvAddr());
        producer.setInstanceName("p-" + UUID.randomUUID());
        producer.start();
        try {
            // The topic's route reaches the name server with the broker's next registration.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(producer.send(new Message("V4Existing", bytes("fine"))).getSendStatus()).isEqualTo(SendStatus.SEND_OK));
        } finally {
            producer.shutdown();
        }
    }
}
