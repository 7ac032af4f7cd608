package io.apogee.client.producer;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageQueue;
import java.util.List;

/** Same argument, same queue (as long as the queue count does not change): {@code |arg.hashCode()| mod n}. */
public class SelectMessageQueueByHash implements MessageQueueSelector {
    @Override
    public MessageQueue select(List<MessageQueue> mqs, Message msg, Object arg) {
        return mqs.get(Math.floorMod(arg.hashCode(), mqs.size()));
    }
}
