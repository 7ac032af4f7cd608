package io.apogee.spring.support;

import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.ConsumeOrderlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.common.message.MessageExt;
import io.apogee.spring.core.ApogeeListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;

/**
 * Calls an {@link ApogeeListener} from the client's listener callbacks: converts each message to the
 * listener's type and turns an exception into the status that redelivers the message.
 */
public class ListenerInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerInvoker.class);

    private final ApogeeListener<Object> listener;
    private final ResolvableType payloadType;
    private final PayloadCodec codec;

    /**
     * @param listener    the application's listener
     * @param payloadType the listener's {@code T}
     * @param codec       reads bodies as {@code payloadType}
     */
    public ListenerInvoker(ApogeeListener<Object> listener, ResolvableType payloadType, PayloadCodec codec) {
        this.listener = listener;
        this.payloadType = payloadType;
        this.codec = codec;
    }

    /** A concurrent callback: a failed message comes back after {@code delayLevelWhenNextConsume}. */
    public MessageListenerConcurrently concurrently(int delayLevelWhenNextConsume) {
        return (msgs, context) -> {
            if (deliverAll(msgs)) {
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }
            context.setDelayLevelWhenNextConsume(delayLevelWhenNextConsume);
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        };
    }

    /** An orderly callback: a failure pauses the queue for {@code suspendMillis}, then the same message is retried. */
    public MessageListenerOrderly orderly(long suspendMillis) {
        return (msgs, context) -> {
            if (deliverAll(msgs)) {
                return ConsumeOrderlyStatus.SUCCESS;
            }
            context.setSuspendCurrentQueueTimeMillis(suspendMillis);
            return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
        };
    }

    private boolean deliverAll(List<MessageExt> msgs) {
        for (MessageExt msg : msgs) {
            try {
                listener.onMessage(convert(msg));
            } catch (Exception e) {
                LOG.warn("listener {} failed on message {} (reconsumeTimes {}); it will be redelivered",
                        listener.getClass().getName(), msg.getMsgId(), msg.getReconsumeTimes(), e);
                return false;
            }
        }
        return true;
    }

    private Object convert(MessageExt msg) {
        if (payloadType.toClass().isInstance(msg)) {
            return msg;
        }
        return codec.decode(msg.getBody(), payloadType);
    }
}
