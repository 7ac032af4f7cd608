package io.apogee.bench.workload;

import java.util.List;

/**
 * What the consumer workload does.
 *
 * @param subscription group, topics, tag expression, start position and consume threads
 * @param warmupSeconds seconds after the first message before measuring starts
 * @param seconds measured seconds; 0 means until {@code messages} arrived
 * @param messages stop after this many messages (warm-up included); 0 means no limit
 * @param firstMessageTimeoutSeconds how long to wait for the first message before giving up
 */
public record ConsumerSettings(BenchClient.Subscription subscription, int warmupSeconds, int seconds,
                               long messages, int firstMessageTimeoutSeconds) {
    public ConsumerSettings {
        ProducerSettings.requirePositive("threads", subscription.consumeThreads());
        ProducerSettings.requirePositive("first message timeout", firstMessageTimeoutSeconds);
        if (subscription.topics().isEmpty()) {
            throw new IllegalArgumentException("at least one topic is needed");
        }
        if (warmupSeconds < 0 || seconds < 0 || messages < 0) {
            throw new IllegalArgumentException("warm-up, seconds and messages cannot be negative");
        }
        if (seconds == 0 && messages == 0) {
            throw new IllegalArgumentException("give a duration (seconds) or a message count, or the run never ends");
        }
    }

    public List<String> topics() {
        return subscription.topics();
    }
}
