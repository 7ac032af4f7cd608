package io.apogee.client.consumer.listener;

import io.apogee.common.message.MessageQueue;

/** Per-call settings of a concurrent listener. */
public class ConsumeConcurrentlyContext {
    private final MessageQueue messageQueue;
    /** 0: the broker picks the retry delay from the reconsume count; above 0: that delay level; below 0: straight to the dead-letter queue. */
    private int delayLevelWhenNextConsume = 0;
    /** With CONSUME_SUCCESS, messages after this index are still treated as failed. */
    private int ackIndex = Integer.MAX_VALUE;

    public ConsumeConcurrentlyContext(MessageQueue messageQueue) {
        this.messageQueue = messageQueue;
    }

    public MessageQueue getMessageQueue() {
        return messageQueue;
    }

    public int getDelayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    public void setDelayLevelWhenNextConsume(int delayLevelWhenNextConsume) {
        this.delayLevelWhenNextConsume = delayLevelWhenNextConsume;
    }

    public int getAckIndex() {
        return ackIndex;
    }

    public void setAckIndex(int ackIndex) {
        this.ackIndex = ackIndex;
    }
}
