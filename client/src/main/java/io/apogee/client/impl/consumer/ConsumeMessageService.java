package io.apogee.client.impl.consumer;

import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import java.util.List;

/** Hands pulled messages to the user's listener: concurrently or in queue order. */
public interface ConsumeMessageService {
    void start();

    /** Stops taking new work and waits up to {@code awaitTerminateMillis} for calls in progress. */
    void shutdown(long awaitTerminateMillis);

    void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue processQueue, MessageQueue messageQueue, boolean dispatchToConsume);

    /** Hands one message straight to the listener (CONSUME_MESSAGE_DIRECTLY) and reports its answer. */
    ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName);

    int corePoolSize();

    boolean orderly();
}
