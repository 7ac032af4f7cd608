package io.apogee.bench.workload;

import java.util.List;

/**
 * What the producer workload does.
 *
 * @param topics topics to send to, round robin
 * @param queues read/write queues to create each topic with before sending; 0 leaves topics alone
 * @param mode how to send
 * @param threads sender threads
 * @param size body size in bytes
 * @param batch messages per request in {@link SendMode#BATCH} mode
 * @param inflight most unacknowledged requests in {@link SendMode#ASYNC} mode
 * @param tags whether messages carry one of {@link Tags#COUNT} tags
 * @param warmupSeconds seconds sent before measuring starts
 * @param seconds measured seconds; 0 means until {@code messages} are sent
 * @param messages stop after this many messages (warm-up included); 0 means no limit
 * @param rate most messages per second over all threads; 0 means as fast as possible
 * @param stampNanos carry a nanoTime stamp for microsecond end-to-end latency on the same host
 */
public record ProducerSettings(List<String> topics, int queues, SendMode mode, int threads, int size, int batch,
                               int inflight, boolean tags, int warmupSeconds, int seconds, long messages, int rate,
                               boolean stampNanos) {
    public ProducerSettings {
        topics = List.copyOf(topics);
        requirePositive("threads", threads);
        requirePositive("size", size);
        requirePositive("batch", batch);
        requirePositive("inflight", inflight);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("at least one topic is needed");
        }
        if (queues < 0 || warmupSeconds < 0 || seconds < 0 || messages < 0 || rate < 0) {
            throw new IllegalArgumentException("queues, warm-up, seconds, messages and rate cannot be negative");
        }
        if (seconds == 0 && messages == 0) {
            throw new IllegalArgumentException("give a duration (seconds) or a message count, or the run never ends");
        }
    }

    static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
