package io.apogee.client.consumer.listener;

import io.apogee.common.message.MessageExt;
import java.util.List;

/**
 * Consumes on many threads at once, with no ordering between calls. A call gets up to
 * {@code consumeMessageBatchMaxSize} messages of one queue. Throwing counts as RECONSUME_LATER.
 */
@FunctionalInterface
public interface MessageListenerConcurrently extends MessageListener {
    ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> msgs, ConsumeConcurrentlyContext context);
}
