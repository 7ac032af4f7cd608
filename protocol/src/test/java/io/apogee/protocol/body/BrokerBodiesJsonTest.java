package io.apogee.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerBodiesJsonTest {

    @Test
    void readsTheOfficialHeartbeat() {
        String json = "{\"clientID\":\"192.168.0.2@12345#1234567890\","
                + "\"consumerDataSet\":[{\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"consumeType\":\"CONSUME_PASSIVELY\","
                + "\"groupName\":\"CG\",\"messageModel\":\"CLUSTERING\","
                + "\"subscriptionDataSet\":[{\"classFilterMode\":false,\"codeSet\":[2598919,2598920],\"expressionType\":\"TAG\","
                + "\"subString\":\"TagA || TagB\",\"subVersion\":1700000000000,\"tagsSet\":[\"TagA\",\"TagB\"],\"topic\":\"TopicTest\"}],"
                + "\"unitMode\":false}],"
                + "\"heartbeatFingerprint\":0,"
                + "\"producerDataSet\":[{\"groupName\":\"PG\"},{\"groupName\":\"CLIENT_INNER_PRODUCER\"}],"
                + "\"withoutSub\":false}";

        HeartbeatData data = Json.parse(json, HeartbeatData.class);

        assertThat(data.getClientID()).isEqualTo("192.168.0.2@12345#1234567890");
        assertThat(data.getProducerDataSet()).extracting(ProducerData::getGroupName).containsExactlyInAnyOrder("PG", "CLIENT_INNER_PRODUCER");
        ConsumerData consumer = data.getConsumerDataSet().iterator().next();
        assertThat(consumer.getConsumeType()).isEqualTo(ConsumeType.CONSUME_PASSIVELY);
        assertThat(consumer.getMessageModel()).isEqualTo(MessageModel.CLUSTERING);
        SubscriptionData sub = consumer.getSubscriptionDataSet().iterator().next();
        assertThat(sub).isEqualTo(SubscriptionData.of("TopicTest", "TagA || TagB", "TAG"));
        assertThat(sub.getSubVersion()).isEqualTo(1700000000000L);
    }

    @Test
    void enumsAlsoReadFromOrdinals() {
        ConsumerData data = Json.parse("{\"consumeType\":1,\"messageModel\":0,\"consumeFromWhere\":4}", ConsumerData.class);

        assertThat(data.getConsumeType()).isEqualTo(ConsumeType.CONSUME_PASSIVELY);
        assertThat(data.getMessageModel()).isEqualTo(MessageModel.BROADCASTING);
        assertThat(data.getConsumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    }

    @Test
    void tagExpressionParsingMatchesTheClients() {
        assertThat(SubscriptionData.of("T", "", "TAG").getSubString()).isEqualTo("*");
        assertThat(SubscriptionData.of("T", " * ", null).matchesAll()).isTrue();
        SubscriptionData tags = SubscriptionData.of("T", "TagA ||  || TagB ", "TAG");
        assertThat(tags.getTagsSet()).containsExactlyInAnyOrder("TagA", "TagB");
        assertThat(tags.getCodeSet()).containsExactlyInAnyOrder("TagA".hashCode(), "TagB".hashCode());
        assertThat(tags.matchesAll()).isFalse();
    }

    @Test
    void messageQueueKeysRoundTripInBothForms() {
        MessageQueue mq = new MessageQueue("TopicTest", "broker-a", 0);
        ConsumeStats stats = new ConsumeStats();
        OffsetWrapper wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(10);
        wrapper.setConsumerOffset(5);
        stats.getOffsetTable().put(mq, wrapper);

        String json = Json.toJson(stats);
        String fastjsonForm = "{\"consumeTps\":0.0,\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"TopicTest\"}:"
                + "{\"brokerOffset\":10,\"consumerOffset\":5,\"lastTimestamp\":0,\"pullOffset\":0}}}";

        assertThat(json).contains("\"{\\\"brokerName\\\":\\\"broker-a\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"TopicTest\\\"}\"");
        assertThat(Json.parse(json, ConsumeStats.class).getOffsetTable().get(mq).getConsumerOffset()).isEqualTo(5);
        assertThat(Json.parse(fastjsonForm, ConsumeStats.class).getOffsetTable().get(mq).getBrokerOffset()).isEqualTo(10);
    }

    @Test
    void lockResponseUsesTheOfficialPropertyName() {
        LockBatchResponseBody body = new LockBatchResponseBody();
        body.setLockOKMQSet(Set.of(new MessageQueue("T", "b", 1)));

        assertThat(Json.toJson(body)).isEqualTo("{\"lockOKMQSet\":[{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"}]}");
    }
}
