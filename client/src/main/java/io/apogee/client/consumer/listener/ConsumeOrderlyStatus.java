package io.apogee.client.consumer.listener;

/** The result of an orderly listener call. */
public enum ConsumeOrderlyStatus {
    /** Done; the offset moves past these messages. */
    SUCCESS,
    /** Only with autoCommit=false: consume these messages again. */
    ROLLBACK,
    /** Only with autoCommit=false: commit the offset now. */
    COMMIT,
    /** Failed; stop this queue for a moment and deliver the same messages again, keeping the order. */
    SUSPEND_CURRENT_QUEUE_A_MOMENT
}
