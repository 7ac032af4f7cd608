package io.apogee.client.consumer.listener;

import io.apogee.common.message.MessageExt;
import java.util.List;

/**
 * Consumes each queue on one thread at a time, in queue order. In clustering mode a queue is only
 * consumed while this client holds its lock on the broker. Throwing counts as SUSPEND_CURRENT_QUEUE_A_MOMENT.
 */
@FunctionalInterface
public interface MessageListenerOrderly extends MessageListener {
    ConsumeOrderlyStatus consumeMessage(List<MessageExt> msgs, ConsumeOrderlyContext context);
}
