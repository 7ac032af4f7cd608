package io.apogee.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageExt;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.ConsumerData;
import io.apogee.protocol.body.GetConsumerListByGroupResponseBody;
import io.apogee.protocol.body.HeartbeatData;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.header.GetConsumerListByGroupRequestHeader;
import io.apogee.protocol.header.PullMessageRequestHeader;
import io.apogee.protocol.header.PullMessageResponseHeader;
import io.apogee.protocol.header.PullSysFlag;
import io.apogee.protocol.header.QueryConsumerOffsetRequestHeader;
import io.apogee.protocol.header.QueryConsumerOffsetResponseHeader;
import io.apogee.protocol.header.SendMessageRequestHeader;
import io.apogee.protocol.header.SendMessageRequestHeaderV2;
import io.apogee.protocol.header.SendMessageResponseHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Raw protocol requests against a broker over the in-memory store: send, pull, long polling, validation errors. */
@Timeout(60)
class BrokerRequestsTest {
    @TempDir
    static Path dir;
    static BrokerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new BrokerFixture(dir, config -> { });
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static RemotingCommand sendRequest(String topic, int queueId, String tags, byte[] body) {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup("PG");
        header.setTopic(topic);
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(queueId);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setProperties(tags == null ? "WAIT\u0001true\u0002" : "TAGS\u0001" + tags + "\u0002WAIT\u0001true\u0002");
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, SendMessageRequestHeaderV2.fromV1(header)).setBody(body);
    }

    private static RemotingCommand pullRequest(String topic, int queueId, long offset, int sysFlag, String subscription) {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup("CG");
        header.setTopic(topic);
        header.setQueueId(queueId);
        header.setQueueOffset(offset);
        header.setMaxMsgNums(32);
        header.setSysFlag(sysFlag | PullSysFlag.SUBSCRIPTION);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(15_000L);
        header.setSubscription(subscription);
        header.setSubVersion(0L);
        header.setExpressionType("TAG");
        return RemotingCommand.request(RequestCode.PULL_MESSAGE, header);
    }

    @Test
    void sendAutoCreatesTheTopicAndPullReturnsTheStoredRecord() throws Exception {
        RemotingCommand sent = fixture.call(sendRequest("AutoTopic", 1, "TagA", "hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(sent.getCode()).isEqualTo(ResponseCode.SUCCESS);
        SendMessageResponseHeader header = sent.readCustomHeader(SendMessageResponseHeader.class);
        assertThat(header.getQueueId()).isEqualTo(1);
        assertThat(header.getQueueOffset()).isZero();
        assertThat(header.getMsgId()).hasSize(32);
        assertThat(header.getTransactionId()).isNotBlank();
        assertThat(sent.extField("MSG_REGION")).isEqualTo("DefaultRegion");
        assertThat(sent.extField("TRACE_ON")).isEqualTo("true");
        assertThat(fixture.broker.topicManager().select("AutoTopic").getWriteQueueNums()).isEqualTo(4);

        RemotingCommand pulled = fixture.call(pullRequest("AutoTopic", 1, 0, 0, "*"));

        assertThat(pulled.getCode()).isEqualTo(ResponseCode.SUCCESS);
        PullMessageResponseHeader pullHeader = pulled.readCustomHeader(PullMessageResponseHeader.class);
        assertThat(pullHeader.getNextBeginOffset()).isEqualTo(1);
        assertThat(pullHeader.getMaxOffset()).isEqualTo(1);
        List<MessageExt> messages = MessageCodec.decodes(ByteBuffer.wrap(pulled.getBody()), true);
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(m.getTags()).isEqualTo("TagA");
            assertThat(m.getProperty("CLUSTER")).isEqualTo("DefaultCluster");
        });
    }

    @Test
    void pullFiltersByTagAndMovesPastFilteredMessages() throws Exception {
        fixture.call(sendRequest("TagTopic", 0, "TagB", new byte[] {1}));
        fixture.call(sendRequest("TagTopic", 0, "TagA", new byte[] {2}));

        RemotingCommand pulled = fixture.call(pullRequest("TagTopic", 0, 0, 0, "TagA || TagC"));

        assertThat(pulled.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(MessageCodec.decodes(ByteBuffer.wrap(pulled.getBody()), true)).extracting(MessageExt::getTags).containsExactly("TagA");
        RemotingCommand noMatch = fixture.call(pullRequest("TagTopic", 0, 0, 0, "TagZ"));
        assertThat(noMatch.getCode()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(noMatch.readCustomHeader(PullMessageResponseHeader.class).getNextBeginOffset()).isEqualTo(2);
    }

    @Test
    void parkedPullIsAnsweredWhenAMessageArrives() throws Exception {
        fixture.call(sendRequest("PollTopic", 0, null, new byte[] {1}));
        CompletableFuture<RemotingCommand> parked = fixture.client.invokeAsync(fixture.broker.brokerAddr(),
                pullRequest("PollTopic", 0, 1, PullSysFlag.SUSPEND, "*"), 20_000);
        assertThat(parked).isNotDone();

        fixture.call(sendRequest("PollTopic", 0, null, new byte[] {2}));

        RemotingCommand answer = parked.get(5, TimeUnit.SECONDS);
        assertThat(answer.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(MessageCodec.decodes(ByteBuffer.wrap(answer.getBody()), true)).singleElement()
                .satisfies(m -> assertThat(m.getQueueOffset()).isEqualTo(1));
    }

    @Test
    void parkedPullTimesOutWithNotFound() throws Exception {
        fixture.call(sendRequest("QuietTopic", 0, null, new byte[] {1}));
        PullMessageRequestHeader header = pullRequest("QuietTopic", 0, 1, PullSysFlag.SUSPEND, "*")
                .readCustomHeader(PullMessageRequestHeader.class);
        header.setSuspendTimeoutMillis(300L);

        RemotingCommand answer = fixture.call(RemotingCommand.request(RequestCode.PULL_MESSAGE, header));

        assertThat(answer.getCode()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(answer.readCustomHeader(PullMessageResponseHeader.class).getNextBeginOffset()).isEqualTo(1);
    }

    @Test
    void badRequestsGetErrorsAndTheBrokerKeepsServing() throws Exception {
        assertThat(fixture.call(sendRequest("bad topic!", 0, null, new byte[] {1})).getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(fixture.call(sendRequest("T".repeat(200), 0, null, new byte[] {1})).getCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(fixture.call(sendRequest("SCHEDULE_TOPIC_XXXX", 0, null, new byte[] {1})).getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(fixture.call(sendRequest("Big", 0, null, new byte[4 * 1024 * 1024 + 1])).getCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        fixture.call(sendRequest("Small", 0, null, new byte[] {1}));
        RemotingCommand badQueue = fixture.call(pullRequest("Small", 99, 0, 0, "*"));
        assertThat(badQueue.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(badQueue.getRemark()).contains("queueId[99] is illegal");
        assertThat(fixture.call(pullRequest("NoSuchTopic", 0, 0, 0, "*")).getCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);

        RemotingCommand missingField = sendRequest("Small", 0, null, new byte[] {1});
        missingField.getExtFields().remove("b");
        RemotingCommand answer = fixture.call(missingField);
        assertThat(answer.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(answer.getRemark()).contains("<b>");

        assertThat(fixture.call(sendRequest("Small", 0, null, new byte[] {2})).getCode()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void heartbeatRegistersTheConsumerAndItsRetryTopic() throws Exception {
        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID("127.0.0.1@test");
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName("HeartbeatGroup");
        consumer.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        consumer.setMessageModel(MessageModel.CLUSTERING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.setSubscriptionDataSet(Set.of(SubscriptionData.of("AnyTopic", "*", "TAG")));
        heartbeat.getConsumerDataSet().add(consumer);

        RemotingCommand response = fixture.call(RemotingCommand.request(RequestCode.HEART_BEAT).setBody(Json.toBytes(heartbeat)));

        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.getVersion()).isEqualTo(453);
        assertThat(fixture.broker.topicManager().select("%RETRY%HeartbeatGroup")).isNotNull();
        GetConsumerListByGroupRequestHeader header = new GetConsumerListByGroupRequestHeader();
        header.setConsumerGroup("HeartbeatGroup");
        RemotingCommand list = fixture.call(RemotingCommand.request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, header));
        assertThat(Json.parse(list.getBody(), GetConsumerListByGroupResponseBody.class).getConsumerIdList()).containsExactly("127.0.0.1@test");
    }

    @Test
    void newGroupOnAYoungQueueStartsAtZero() throws Exception {
        fixture.call(sendRequest("YoungTopic", 0, null, new byte[] {1}));
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup("FreshGroup");
        header.setTopic("YoungTopic");
        header.setQueueId(0);

        RemotingCommand response = fixture.call(RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET, header));

        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.readCustomHeader(QueryConsumerOffsetResponseHeader.class).getOffset()).isZero();
    }
}
