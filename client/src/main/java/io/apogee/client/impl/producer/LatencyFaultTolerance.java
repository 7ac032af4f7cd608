package io.apogee.client.impl.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps brokers that were slow or failing out of queue selection for a while: the slower the last
 * send, the longer the broker is avoided; a failure counts as the slowest. Only consulted when the
 * producer enables {@code sendLatencyFaultEnable}.
 */
public final class LatencyFaultTolerance {
    private static final long[] LATENCY_MAX = {50L, 100L, 550L, 1000L, 2000L, 3000L, 15000L};
    private static final long[] NOT_AVAILABLE_DURATION = {0L, 0L, 30000L, 60000L, 120000L, 180000L, 600000L};
    private static final long FAILURE_ISOLATION = 30_000L;
    private final Map<String, Long> availableFrom = new ConcurrentHashMap<>();

    public void updateFaultItem(String brokerName, long latencyMillis, boolean failed) {
        long duration = failed ? FAILURE_ISOLATION : isolationFor(latencyMillis);
        if (duration <= 0) {
            availableFrom.remove(brokerName);
        } else {
            availableFrom.put(brokerName, System.currentTimeMillis() + duration);
        }
    }

    public boolean isAvailable(String brokerName) {
        Long from = availableFrom.get(brokerName);
        return from == null || System.currentTimeMillis() >= from;
    }

    private static long isolationFor(long latencyMillis) {
        for (int i = LATENCY_MAX.length - 1; i >= 0; i--) {
            if (latencyMillis >= LATENCY_MAX[i]) {
                return NOT_AVAILABLE_DURATION[i];
            }
        }
        return 0;
    }
}
