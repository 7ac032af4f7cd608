package io.apogee.client.impl;

import io.apogee.common.message.MessageExt;
import io.apogee.protocol.header.CheckTransactionStateRequestHeader;
import java.util.Set;

/** What the client instance needs from a producer: its topics for route refresh and its transaction checker. */
public interface MQProducerInner {
    String groupName();

    Set<String> getPublishTopicList();

    void updateTopicPublishInfo(String topic, TopicPublishInfo info);

    /** Answers a broker's CHECK_TRANSACTION_STATE; producers without transactions ignore it. */
    void checkTransactionState(String brokerAddr, MessageExt msg, CheckTransactionStateRequestHeader header);
}
