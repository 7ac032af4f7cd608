package io.apogee.client.consumer.listener;

/** The result of a concurrent listener call. */
public enum ConsumeConcurrentlyStatus {
    /** Done; the offset may move past these messages. */
    CONSUME_SUCCESS,
    /** Failed; the messages come back later from the group's retry topic. */
    RECONSUME_LATER
}
