package io.apogee.client.admin;

import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.client.impl.RouteConverter;
import io.apogee.client.impl.consumer.MessageClientExt;
import io.apogee.client.impl.consumer.PullAPIWrapper;
import io.apogee.client.impl.consumer.PullAPIWrapper.PullSpec;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.header.PullSysFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * The dead letters of a consumer group ({@code %DLQ%<group>}): reading them without moving any
 * group's offsets, and sending one back to the topic it was first sent to.
 */
final class DeadLetterQueue {
    static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
    /** The group the official tools pull with; reads never commit offsets, so no real group is disturbed. */
    private static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
    private static final int PULL_BATCH = 32;
    /**
     * Bookkeeping of retries and dead-lettering: a resent message starts over as if it had just been
     * produced, with its full number of retries.
     */
    private static final Set<String> RETRY_PROPERTIES = Set.of(MessageConst.PROPERTY_RETRY_TOPIC,
            MessageConst.PROPERTY_DLQ_ORIGIN_TOPIC, MessageConst.PROPERTY_DLQ_ORIGIN_MESSAGE_ID,
            MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, MessageConst.PROPERTY_RECONSUME_TIME,
            MessageConst.PROPERTY_MAX_RECONSUME_TIMES, MessageConst.PROPERTY_DELAY_TIME_LEVEL,
            MessageConst.PROPERTY_REAL_TOPIC, MessageConst.PROPERTY_REAL_QUEUE_ID,
            MessageConst.PROPERTY_CONSUME_START_TIMESTAMP, MessageConst.PROPERTY_MIN_OFFSET, MessageConst.PROPERTY_MAX_OFFSET);

    private final MQClientInstance instance;
    private final long timeoutMillis;

    DeadLetterQueue(MQClientInstance instance, long timeoutMillis) {
        this.instance = instance;
        this.timeoutMillis = timeoutMillis;
    }

    static String topicOf(String consumerGroup) {
        return DLQ_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    /** Up to {@code maxNum} dead letters, queue by queue from the oldest; empty when the group has none. */
    List<MessageExt> list(String consumerGroup, int maxNum) throws MQClientException, InterruptedException {
        List<MessageExt> found = new ArrayList<>();
        scan(consumerGroup, msg -> {
            found.add(msg);
            return found.size() < maxNum;
        });
        return found;
    }

    /** The first dead letter whose unique id or offset id is {@code msgId}, or null. */
    MessageExt find(String consumerGroup, String msgId) throws MQClientException, InterruptedException {
        MessageExt[] match = new MessageExt[1];
        scan(consumerGroup, msg -> {
            if (msgId.equals(msg.getMsgId()) || msgId.equals(((MessageClientExt) msg).getOffsetMsgId())) {
                match[0] = msg;
            }
            return match[0] == null;
        });
        return match[0];
    }

    /** Hands the group's dead letters, oldest first per queue, to {@code visitor} until it answers false. */
    private void scan(String consumerGroup, Predicate<MessageExt> visitor) throws MQClientException, InterruptedException {
        String topic = topicOf(consumerGroup);
        if (!instance.updateTopicRouteInfoFromNameServer(topic)) {
            return;
        }
        PullAPIWrapper puller = new PullAPIWrapper(instance, TOOLS_CONSUMER_GROUP);
        SubscriptionData all = SubscriptionData.of(topic, SubscriptionData.SUB_ALL, SubscriptionData.EXPRESSION_TAG);
        PullSpec spec = new PullSpec(RequestCode.PULL_MESSAGE, PullSysFlag.build(false, false, true, false, false), 0,
                PULL_BATCH, 0, timeoutMillis);
        for (MessageQueue mq : RouteConverter.toSubscribeInfo(topic, instance.route(topic))) {
            long offset = 0;
            while (true) {
                PullResult result = pull(puller, mq, all, offset, spec);
                if (result.getPullStatus() == PullStatus.OFFSET_ILLEGAL && offset < result.getNextBeginOffset()) {
                    offset = result.getNextBeginOffset();
                    continue;
                }
                if (result.getPullStatus() != PullStatus.FOUND) {
                    break;
                }
                for (MessageExt msg : result.getMsgFoundList()) {
                    if (!visitor.test(msg)) {
                        return;
                    }
                }
                offset = result.getNextBeginOffset();
            }
        }
    }

    private static PullResult pull(PullAPIWrapper puller, MessageQueue mq, SubscriptionData sub, long offset, PullSpec spec)
            throws MQClientException, InterruptedException {
        try {
            return puller.pull(mq, sub, offset, spec).get();
        } catch (ExecutionException e) {
            throw new MQClientException("cannot read the dead letters in " + mq, e.getCause());
        }
    }

    /**
     * Sends a copy of {@code deadLetter} to the topic it was first sent to, keeping its body, tags,
     * keys, user properties and unique id (so consumers and traces see the same message id).
     */
    SendResult resend(MessageExt deadLetter) throws Exception {
        String original = deadLetter.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
        if (original == null) {
            original = deadLetter.getProperty(MessageConst.PROPERTY_DLQ_ORIGIN_TOPIC);
        }
        if (original == null) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR,
                    "message " + deadLetter.getMsgId() + " does not name its original topic: it is not a dead letter");
        }
        Message copy = new Message(original, deadLetter.getBody());
        copy.setFlag(deadLetter.getFlag());
        deadLetter.getProperties().forEach((name, value) -> {
            if (!RETRY_PROPERTIES.contains(name)) {
                copy.putProperty(name, value);
            }
        });
        return instance.innerProducer().send(copy);
    }
}
