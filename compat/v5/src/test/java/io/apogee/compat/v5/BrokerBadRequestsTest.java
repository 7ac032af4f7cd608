package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests the official clients would refuse to build, sent with the official remoting classes: each
 * gets the official error code and the broker keeps serving. Topics are not auto-created here.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerBadRequestsTest {
    @TempDir
    static Path dir;
    private Standalone apogee;
    private NettyRemotingClient client;

    @BeforeAll
    void start() {
        apogee = Standalone.forTests(dir);
        apogee.brokerConfig().setAutoCreateTopicEnable(false);
        apogee.start();
        for (String topic : new String[] {"PullTarget", "AfterTopic"}) {
            apogee.broker().topicManager().createIfAbsent(topic, 4, PermName.PERM_READ | PermName.PERM_WRITE, 0);
        }
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

    private RemotingCommand send(String topic, String defaultTopic, int queueId, byte[] body) throws Exception {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup("bad-requests");
        header.setTopic(topic);
        header.setDefaultTopic(defaultTopic);
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(queueId);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setProperties("WAIT\u0001true\u0002");
        header.setReconsumeTimes(0);
        header.setBatch(false);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header));
        request.setBody(body);
        return client.invokeSync(apogee.brokerAddr(), request, 5000);
    }

    private RemotingCommand pull(String topic, int queueId) throws Exception {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup("bad-requests");
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setQueueOffset(0L);
        header.setMaxMsgNums(32);
        header.setSysFlag(0x4);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(0L);
        header.setSubscription("*");
        header.setSubVersion(0L);
        header.setExpressionType("TAG");
        return client.invokeSync(apogee.brokerAddr(), RemotingCommand.createRequestCommand(RequestCode.PULL_MESSAGE, header), 5000);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unknownTopicIsRefusedWhenAutoCreationIsOff() throws Exception {
        RemotingCommand response = send("NeverCreated", "TBW102", 0, bytes("x"));

        assertThat(response.getCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.getRemark()).contains("NeverCreated");
    }

    @Test
    void oversizedBodyIsIllegal() throws Exception {
        int limit = apogee.storeConfig().getMaxMessageSize();
        RemotingCommand response = send("PullTarget", "TBW102", 0, new byte[limit + 1]);

        assertThat(response.getCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(response.getRemark()).contains("body size", "MAX: " + limit, "got: " + (limit + 1));
    }

    @Test
    void illegalTopicNameIsRefused() throws Exception {
        RemotingCommand response = send("no spaces allowed", "TBW102", 0, bytes("x"));

        assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).contains("illegal characters");
    }

    @Test
    void pullFromAQueueThatDoesNotExistIsAnError() throws Exception {
        assertThat(send("PullTarget", "TBW102", 0, bytes("x")).getCode()).isEqualTo(ResponseCode.SUCCESS);

        RemotingCommand response = pull("PullTarget", 77);

        assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).contains("queueId[77] is illegal");
    }

    @Test
    void missingRequiredHeaderFieldIsNamed() throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.QUERY_CONSUMER_OFFSET, null);
        request.addExtField("consumerGroup", "g");
        request.addExtField("queueId", "0");

        RemotingCommand response = client.invokeSync(apogee.brokerAddr(), request, 5000);

        assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).contains("topic");
    }

    @Test
    void theBrokerStillServesTheOfficialProducerAfterwards() throws Exception {
        send("x y", "TBW102", 0, bytes("x"));
        pull("AfterTopic", 5);
        DefaultMQProducer producer = BrokerTestClients.producer(apogee.namesrvAddr(), "after-bad-requests");
        producer.start();
        try {
            // The topic's route reaches the name server with the broker's next registration.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(producer.send(new Message("AfterTopic", bytes("fine"))).getSendStatus()).isEqualTo(SendStatus.SEND_OK));
        } finally {
            producer.shutdown();
        }
    }
}
