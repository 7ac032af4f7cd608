package io.apogee.client.impl.consumer;

import io.apogee.common.message.MessageQueue;

/** One queue's pull loop state: where to pull next and where to put what arrives. */
public final class PullRequest {
    private final String consumerGroup;
    private final MessageQueue messageQueue;
    private final ProcessQueue processQueue;
    private volatile long nextOffset;

    public PullRequest(String consumerGroup, MessageQueue messageQueue, ProcessQueue processQueue, long nextOffset) {
        this.consumerGroup = consumerGroup;
        this.messageQueue = messageQueue;
        this.processQueue = processQueue;
        this.nextOffset = nextOffset;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public ProcessQueue getProcessQueue() {
        return processQueue;
    }

    public long getNextOffset() {
        return nextOffset;
    }

    public void setNextOffset(long nextOffset) {
        this.nextOffset = nextOffset;
    }
}
