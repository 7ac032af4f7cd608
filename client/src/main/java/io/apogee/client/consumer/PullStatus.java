package io.apogee.client.consumer;

/** Outcome of one pull. */
public enum PullStatus {
    /** Messages were returned. */
    FOUND,
    /** Nothing at or after the offset yet. */
    NO_NEW_MSG,
    /** Messages exist but none matched the subscription. */
    NO_MATCHED_MSG,
    /** The offset is outside the queue; continue from {@code nextBeginOffset}. */
    OFFSET_ILLEGAL
}
