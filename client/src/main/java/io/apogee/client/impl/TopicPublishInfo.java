package io.apogee.client.impl;

import io.apogee.common.message.MessageQueue;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** The queues a producer may write to for one topic, chosen round-robin. */
public final class TopicPublishInfo {
    private final List<MessageQueue> messageQueueList;
    private final AtomicInteger sendWhichQueue = new AtomicInteger(ThreadLocalRandom.current().nextInt(1024));

    public TopicPublishInfo(List<MessageQueue> messageQueueList) {
        this.messageQueueList = List.copyOf(messageQueueList);
    }

    public boolean ok() {
        return !messageQueueList.isEmpty();
    }

    public List<MessageQueue> getMessageQueueList() {
        return messageQueueList;
    }

    /**
     * The next queue in turn that passes {@code acceptable} (e.g. "not on the broker that just failed",
     * "broker not isolated"); the next queue in turn when none does.
     */
    public MessageQueue selectOneMessageQueue(Predicate<MessageQueue> acceptable) {
        int size = messageQueueList.size();
        for (int i = 0; i < size; i++) {
            MessageQueue mq = messageQueueList.get(Math.floorMod(sendWhichQueue.getAndIncrement(), size));
            if (acceptable.test(mq)) {
                return mq;
            }
        }
        return messageQueueList.get(Math.floorMod(sendWhichQueue.getAndIncrement(), size));
    }
}
