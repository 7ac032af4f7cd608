package io.apogee.client.producer;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageQueue;
import java.util.List;

/** Picks the queue of a message, e.g. by a business key so that related messages stay in order. */
@FunctionalInterface
public interface MessageQueueSelector {
    MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg);
}
