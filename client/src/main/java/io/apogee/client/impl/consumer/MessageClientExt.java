package io.apogee.client.impl.consumer;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;

/**
 * A consumed message as the official clients present it: {@link #getMsgId()} is the producer's
 * unique id (UNIQ_KEY) when the message has one, {@link #getOffsetMsgId()} the broker's offset id.
 */
public class MessageClientExt extends MessageExt {

    static MessageClientExt from(MessageExt m) {
        MessageClientExt c = new MessageClientExt();
        c.setTopic(m.getTopic());
        c.setFlag(m.getFlag());
        c.setProperties(m.getProperties());
        c.setBody(m.getBody());
        c.setTransactionId(m.getTransactionId());
        c.setBrokerName(m.getBrokerName());
        c.setQueueId(m.getQueueId());
        c.setStoreSize(m.getStoreSize());
        c.setQueueOffset(m.getQueueOffset());
        c.setSysFlag(m.getSysFlag());
        c.setBornTimestamp(m.getBornTimestamp());
        c.setBornHost(m.getBornHost());
        c.setStoreTimestamp(m.getStoreTimestamp());
        c.setStoreHost(m.getStoreHost());
        c.setMsgId(m.getMsgId());
        c.setCommitLogOffset(m.getCommitLogOffset());
        c.setBodyCRC(m.getBodyCRC());
        c.setReconsumeTimes(m.getReconsumeTimes());
        c.setPreparedTransactionOffset(m.getPreparedTransactionOffset());
        return c;
    }

    @Override
    public String getMsgId() {
        String uniqId = getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        return uniqId == null ? super.getMsgId() : uniqId;
    }

    /** The broker's id of this stored copy: store address and commit-log offset. */
    public String getOffsetMsgId() {
        return super.getMsgId();
    }
}
