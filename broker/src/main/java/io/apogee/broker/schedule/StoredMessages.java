package io.apogee.broker.schedule;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.MessageStore;
import io.netty.buffer.ByteBuf;
import java.util.HashMap;

/**
 * Reading a stored message back and writing a copy of it elsewhere: what delay levels, timers,
 * transactions and retries all do. Bodies are kept exactly as stored (still compressed when they
 * were), because the copy carries the same sysFlag.
 */
public final class StoredMessages {

    private StoredMessages() {
    }

    /** The message whose record starts at {@code commitLogOffset}, body as stored; null if there is none. */
    public static MessageExt read(MessageStore store, long commitLogOffset) {
        ByteBuf record = store.selectOneMessageByOffset(commitLogOffset);
        if (record == null) {
            return null;
        }
        try {
            return MessageCodec.decode(record.nioBuffer(), true, false);
        } finally {
            record.release();
        }
    }

    /** A copy ready to be stored again: same body, flags, hosts, times and properties (the map is copied). */
    public static MessageExtBrokerInner copyOf(MessageExt src) {
        MessageExtBrokerInner copy = new MessageExtBrokerInner();
        copy.setTopic(src.getTopic());
        copy.setQueueId(src.getQueueId());
        copy.setBody(src.getBody());
        copy.setFlag(src.getFlag());
        copy.setProperties(new HashMap<>(src.getProperties()));
        copy.setSysFlag(src.getSysFlag());
        copy.setBornTimestamp(src.getBornTimestamp());
        copy.setBornHost(src.getBornHost());
        copy.setStoreHost(src.getStoreHost());
        copy.setReconsumeTimes(src.getReconsumeTimes());
        copy.setPreparedTransactionOffset(src.getPreparedTransactionOffset());
        return copy;
    }

    /** Moves {@code msg} back to its REAL_TOPIC / REAL_QID; false when those properties are missing or bad. */
    public static boolean restoreRealDestination(MessageExtBrokerInner msg) {
        String topic = msg.getProperty(MessageConst.PROPERTY_REAL_TOPIC);
        String queueId = msg.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
        if (topic == null || topic.isEmpty() || queueId == null) {
            return false;
        }
        try {
            msg.setQueueId(Integer.parseInt(queueId.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
        msg.setTopic(topic);
        return true;
    }

    /** Recomputes what derives from the property map: the tag code and the stored properties string. */
    public static void seal(MessageExtBrokerInner msg) {
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(msg.getProperty(MessageConst.PROPERTY_TAGS)));
        msg.syncPropertiesString();
    }
}
