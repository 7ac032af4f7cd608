package io.apogee.client.impl.consumer;

import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.consumer.store.ReadOffsetType;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.ConsumeFromWhere;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a consumer starts reading a queue it was just given (flows.md §4.2 step 5): its committed
 * offset, else the position {@code consumeFromWhere} names. -1 means "cannot tell now, skip".
 */
final class OffsetBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetBootstrap.class);
    private static final long CALL_TIMEOUT = 3000;

    private OffsetBootstrap() {
    }

    static long startOffset(MQClientInstance instance, OffsetStore store, MessageQueue mq,
                            ConsumeFromWhere from, String consumeTimestamp) {
        long committed = store.readOffset(mq, ReadOffsetType.READ_FROM_STORE);
        if (committed >= 0) {
            return committed;
        }
        if (committed != -1) {
            return -1;
        }
        boolean retryTopic = mq.getTopic().startsWith(RetryTopics.RETRY_GROUP_TOPIC_PREFIX);
        String addr = instance.findBrokerAddressInPublish(mq.getBrokerName());
        try {
            return switch (from) {
                case CONSUME_FROM_FIRST_OFFSET, CONSUME_FROM_MIN_OFFSET -> 0L;
                case CONSUME_FROM_TIMESTAMP -> retryTopic
                        ? instance.getMQClientAPI().getMaxOffset(addr, mq, CALL_TIMEOUT)
                        : instance.getMQClientAPI().searchOffset(addr, mq, parse(consumeTimestamp), CALL_TIMEOUT);
                default -> retryTopic ? 0L : instance.getMQClientAPI().getMaxOffset(addr, mq, CALL_TIMEOUT);
            };
        } catch (Exception e) {
            LOG.warn("cannot compute the start offset of {}: {}", mq, e.toString());
            return -1;
        }
    }

    private static long parse(String yyyyMMddHHmmss) {
        return LocalDateTime.parse(yyyyMMddHHmmss, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
