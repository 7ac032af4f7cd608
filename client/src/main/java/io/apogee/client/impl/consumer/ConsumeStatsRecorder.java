package io.apogee.client.impl.consumer;

import io.apogee.protocol.body.ConsumeStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Per-topic consume counters since start, reported in GET_CONSUMER_RUNNING_INFO. */
final class ConsumeStatsRecorder {
    private final long since = System.currentTimeMillis();
    private final Map<String, Counters> byTopic = new ConcurrentHashMap<>();

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder totalMillis = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder failed = new LongAdder();
    }

    void recordConsume(String topic, long millis, int messages, boolean success) {
        Counters c = byTopic.computeIfAbsent(topic, t -> new Counters());
        c.calls.increment();
        c.totalMillis.add(millis);
        (success ? c.ok : c.failed).add(messages);
    }

    Map<String, ConsumeStatus> snapshot() {
        double seconds = Math.max(1, (System.currentTimeMillis() - since) / 1000.0);
        Map<String, ConsumeStatus> result = new HashMap<>();
        byTopic.forEach((topic, c) -> {
            ConsumeStatus status = new ConsumeStatus();
            long calls = c.calls.sum();
            status.setConsumeRT(calls == 0 ? 0 : (double) c.totalMillis.sum() / calls);
            status.setConsumeOKTPS(c.ok.sum() / seconds);
            status.setConsumeFailedTPS(c.failed.sum() / seconds);
            status.setConsumeFailedMsgs(c.failed.sum());
            result.put(topic, status);
        });
        return result;
    }
}
