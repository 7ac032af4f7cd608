package io.apogee.client.impl.consumer;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import java.util.List;

/** The group retry topic and restoring a retried message's original topic before the listener sees it. */
public final class RetryTopics {
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";

    private RetryTopics() {
    }

    public static String of(String consumerGroup) {
        return RETRY_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    public static void resetRetryAndStamp(List<MessageExt> msgs, String consumerGroup) {
        String retryTopic = of(consumerGroup);
        String now = String.valueOf(System.currentTimeMillis());
        for (MessageExt msg : msgs) {
            String original = msg.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
            if (original != null && retryTopic.equals(msg.getTopic())) {
                msg.setTopic(original);
            }
            msg.putProperty(MessageConst.PROPERTY_CONSUME_START_TIMESTAMP, now);
        }
    }
}
