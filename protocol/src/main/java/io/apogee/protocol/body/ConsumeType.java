package io.apogee.protocol.body;

/** How a consumer group receives messages; written by name, read by name or ordinal. */
public enum ConsumeType {
    /** Pull and lite-pull consumers. */
    CONSUME_ACTIVELY,
    /** Push consumers. */
    CONSUME_PASSIVELY,
    /** 5.x pop consumers. */
    CONSUME_POP
}
