package io.apogee.bench.workload;

/**
 * One message as the workload sends it.
 *
 * @param topic the topic
 * @param tags the tag, or null for none
 * @param body the payload, shared between messages (clients must not modify it)
 * @param sentNanos {@link System#nanoTime()} at creation, carried as a user property so a consumer
 *     on the same host measures end-to-end latency in microseconds; negative when not carried
 */
public record BenchMessage(String topic, String tags, byte[] body, long sentNanos) {
    /** The user property holding {@link #sentNanos}; nanoTime is one monotonic clock for every process on a Linux host. */
    public static final String SENT_NANOS_PROPERTY = "BENCH_SENT_NANOS";

    public boolean carriesSentNanos() {
        return sentNanos >= 0;
    }
}
