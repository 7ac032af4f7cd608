package io.apogee.spring.annotation;

/** How a listener's messages are handed to it. */
public enum ConsumeMode {
    /** Several threads at once, no order between messages. */
    CONCURRENTLY,
    /** One thread per queue at a time, in queue order: messages sent with one hash key arrive in the order sent. */
    ORDERLY
}
