package io.apogee.client.impl.consumer;

import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.CMResult;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * CONSUME_MESSAGE_DIRECTLY (an operator's "consume this message now", e.g. the dashboard resending
 * a dead letter): one message handed straight to the group's listener, outside the queues, offsets
 * and retries. Reports what the listener answered, how long it took, and a stack trace if it threw.
 */
final class DirectConsumption {
    private DirectConsumption() {
    }

    /** One listener call whose answer is already translated into a {@link CMResult} (null: the listener returned null). */
    interface ListenerCall {
        CMResult consume(List<MessageExt> msgs, MessageQueue mq) throws Exception;
    }

    /** The message as consumers see it (unique id, original topic of a retry), passed to {@code call}. */
    static ConsumeMessageDirectlyResult run(MessageExt stored, String brokerName, String consumerGroup, boolean order, ListenerCall call) {
        MessageExt msg = MessageClientExt.from(stored);
        msg.setBrokerName(brokerName);
        RetryTopics.resetRetryAndStamp(List.of(msg), consumerGroup);
        ConsumeMessageDirectlyResult result = new ConsumeMessageDirectlyResult();
        result.setOrder(order);
        long begin = System.currentTimeMillis();
        try {
            CMResult answer = call.consume(List.of(msg), new MessageQueue(msg.getTopic(), brokerName, msg.getQueueId()));
            result.setConsumeResult(answer == null ? CMResult.CR_RETURN_NULL : answer);
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            result.setConsumeResult(CMResult.CR_THROW_EXCEPTION);
            result.setRemark(trace.toString());
        }
        result.setSpentTimeMills(System.currentTimeMillis() - begin);
        return result;
    }
}
