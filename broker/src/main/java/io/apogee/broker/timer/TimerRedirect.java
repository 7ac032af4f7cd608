package io.apogee.broker.timer;

import io.apogee.broker.schedule.StoreRedirect;
import io.apogee.broker.schedule.StoredMessages;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;

/**
 * A message with TIMER_DELIVER_MS (absolute), TIMER_DELAY_MS or TIMER_DELAY_SEC (relative) waits in
 * rmq_sys_wheel_timer queue 0 with its due time in TIMER_OUT_MS and its real topic and queue kept. A
 * due time already past is stored normally; one beyond the maximum delay is refused.
 */
public final class TimerRedirect implements StoreRedirect {
    public static final String TIMER_TOPIC = "rmq_sys_wheel_timer";

    private final long maxDelayMillis;

    public TimerRedirect(long maxDelayMillis) {
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public String apply(MessageExtBrokerInner msg) {
        int tranType = MessageSysFlag.getTransactionValue(msg.getSysFlag());
        if (tranType != MessageSysFlag.TRANSACTION_NOT_TYPE && tranType != MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            return null;
        }
        long now = System.currentTimeMillis();
        long deliverMs;
        try {
            deliverMs = deliverMs(msg, now);
        } catch (NumberFormatException e) {
            return "timer property is not a number: " + e.getMessage();
        }
        if (deliverMs <= now) {
            return null;
        }
        if (deliverMs - now > maxDelayMillis) {
            return "timer message delay " + (deliverMs - now) + " ms exceeds the maximum " + maxDelayMillis + " ms";
        }
        msg.putProperty(MessageConst.PROPERTY_TIMER_OUT_MS, String.valueOf(deliverMs));
        msg.putProperty(MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        msg.putProperty(MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        msg.setTopic(TIMER_TOPIC);
        msg.setQueueId(0);
        StoredMessages.seal(msg);
        msg.setTagsCode(deliverMs);
        return null;
    }

    /** The requested delivery time, or {@code Long.MIN_VALUE} when the message has no timer property. */
    private static long deliverMs(MessageExtBrokerInner msg, long now) {
        String at = msg.getProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS);
        if (at != null) {
            return Long.parseLong(at.trim());
        }
        String ms = msg.getProperty(MessageConst.PROPERTY_TIMER_DELAY_MS);
        if (ms != null) {
            return now + Long.parseLong(ms.trim());
        }
        String sec = msg.getProperty(MessageConst.PROPERTY_TIMER_DELAY_SEC);
        if (sec != null) {
            return now + Long.parseLong(sec.trim()) * 1000;
        }
        return Long.MIN_VALUE;
    }
}
