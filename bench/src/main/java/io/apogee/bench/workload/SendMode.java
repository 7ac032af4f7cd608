package io.apogee.bench.workload;

/** How the producer workload sends. */
public enum SendMode {
    /** One message per request; each sender thread waits for the acknowledgement. */
    SYNC,
    /** One message per request; acknowledgements arrive on callbacks, with a bounded number in flight. */
    ASYNC,
    /** One message per request and no acknowledgement. */
    ONEWAY,
    /** Several messages per request; each sender thread waits for the acknowledgement. */
    BATCH
}
