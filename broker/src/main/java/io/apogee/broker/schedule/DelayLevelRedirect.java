package io.apogee.broker.schedule;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;

/**
 * A message with a DELAY level goes to SCHEDULE_TOPIC_XXXX, queue = level - 1, with its real topic
 * and queue kept as properties; its consume-queue tag code is its delivery time. A level takes
 * precedence over timer properties, which are dropped. Half and rolled-back messages are left alone:
 * a transaction's delay applies when it commits.
 */
public final class DelayLevelRedirect implements StoreRedirect {
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";

    private final DelayLevels levels;

    public DelayLevelRedirect(DelayLevels levels) {
        this.levels = levels;
    }

    @Override
    public String apply(MessageExtBrokerInner msg) {
        int level = level(msg);
        int tranType = MessageSysFlag.getTransactionValue(msg.getSysFlag());
        if (level <= 0 || (tranType != MessageSysFlag.TRANSACTION_NOT_TYPE && tranType != MessageSysFlag.TRANSACTION_COMMIT_TYPE)) {
            return null;
        }
        level = levels.cap(level);
        msg.putProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL, String.valueOf(level));
        msg.clearProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS);
        msg.clearProperty(MessageConst.PROPERTY_TIMER_DELAY_MS);
        msg.clearProperty(MessageConst.PROPERTY_TIMER_DELAY_SEC);
        msg.putProperty(MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        msg.putProperty(MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        msg.setTopic(SCHEDULE_TOPIC);
        msg.setQueueId(level - 1);
        StoredMessages.seal(msg);
        msg.setTagsCode(System.currentTimeMillis() + levels.delayMillis(level));
        return null;
    }

    private static int level(MessageExtBrokerInner msg) {
        String value = msg.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
