package io.apogee.client.impl.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps brokers that were slow or failing out of queue selection for a while: the slower the last
 * send, the longer the broker is avoided; a failure isolates it for {@link #FAILURE_ISOLATION_MILLIS}.
 * A fast send ends the isolation at once. Only consulted when the producer enables
 * {@code sendLatencyFaultEnable}.
 */
public final class LatencyFaultTolerance {
    static final long FAILURE_ISOLATION_MILLIS = 30_000L;
    private final Map<String, Long> availableFrom = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    /** Latency thresholds (ms), ascending, paired index by index with {@link #notAvailableDuration}. */
    private volatile long[] latencyMax = {50L, 100L, 550L, 1000L, 2000L, 3000L, 15000L};
    private volatile long[] notAvailableDuration = {0L, 0L, 30000L, 60000L, 120000L, 180000L, 600000L};

    public LatencyFaultTolerance() {
        this(System::currentTimeMillis);
    }

    LatencyFaultTolerance(LongSupplier clock) {
        this.clock = clock;
    }

    public void updateFaultItem(String brokerName, long latencyMillis, boolean failed) {
        long duration = failed ? FAILURE_ISOLATION_MILLIS : isolationFor(latencyMillis);
        if (duration <= 0) {
            availableFrom.remove(brokerName);
        } else {
            availableFrom.put(brokerName, clock.getAsLong() + duration);
        }
    }

    public boolean isAvailable(String brokerName) {
        Long from = availableFrom.get(brokerName);
        return from == null || clock.getAsLong() >= from;
    }

    /** How long a send that took {@code latencyMillis} keeps its broker out: the duration of the highest threshold reached. */
    private long isolationFor(long latencyMillis) {
        long[] thresholds = latencyMax;
        long[] durations = notAvailableDuration;
        // Read in pairs: while a caller replaces the tables one after the other, their lengths may differ.
        for (int i = Math.min(thresholds.length, durations.length) - 1; i >= 0; i--) {
            if (latencyMillis >= thresholds[i]) {
                return durations[i];
            }
        }
        return 0;
    }

    public long[] getLatencyMax() {
        return latencyMax.clone();
    }

    public long[] getNotAvailableDuration() {
        return notAvailableDuration.clone();
    }

    public void setLatencyMax(long[] latencyMax) {
        this.latencyMax = latencyMax.clone();
    }

    public void setNotAvailableDuration(long[] notAvailableDuration) {
        this.notAvailableDuration = notAvailableDuration.clone();
    }
}
