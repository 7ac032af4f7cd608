package io.apogee.bench.workload;

/**
 * What the consumer workload needs of a delivered message.
 *
 * @param bornMillis the producer's born timestamp, as the broker stored it
 * @param sentNanos the producer's nanoTime stamp, or negative when the message carries none
 * @param bodyLength payload size in bytes
 */
public record ReceivedMessage(long bornMillis, long sentNanos, int bodyLength) {
}
