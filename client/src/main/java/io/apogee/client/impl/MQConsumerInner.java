package io.apogee.client.impl;

import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.ConsumerRunningInfo;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import java.util.Map;
import java.util.Set;

/** What the client instance needs from a consumer: heartbeat data, rebalance, offsets and status for the broker's callbacks. */
public interface MQConsumerInner {
    String groupName();

    MessageModel messageModel();

    ConsumeType consumeType();

    ConsumeFromWhere consumeFromWhere();

    Set<SubscriptionData> subscriptions();

    /** @return false when the consumer could not take all its queues yet and wants another round soon */
    boolean doRebalance();

    void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info);

    void persistConsumerOffset();

    /** RESET_CONSUMER_CLIENT_OFFSET: replace the offsets of these queues and restart them there. */
    void resetOffset(String topic, Map<MessageQueue, Long> offsets);

    /** The current offsets of the topic's queues this consumer works on. */
    Map<MessageQueue, Long> currentOffsets(String topic);

    ConsumerRunningInfo consumerRunningInfo();

    /**
     * CONSUME_MESSAGE_DIRECTLY: the listener's answer to one message handed to it outside the queues;
     * null for consumers without a listener (lite pull), as in the official client.
     */
    default ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        return null;
    }
}
