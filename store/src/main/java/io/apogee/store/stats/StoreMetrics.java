package io.apogee.store.stats;

import java.util.concurrent.atomic.LongAdder;

/** Counters the store updates on its hot paths; {@link #sample()} turns totals into a put rate. */
public final class StoreMetrics {
    private final LongAdder putTimes = new LongAdder();
    private final LongAdder putBytes = new LongAdder();
    private final LongAdder getFound = new LongAdder();
    private final LongAdder getMiss = new LongAdder();
    private final LatencyHistogram putLatency = new LatencyHistogram();

    private long lastSampleNanos = System.nanoTime();
    private long lastSampleTimes;
    private volatile double putTps;

    public void recordPut(int messages, int bytes, long latencyNanos) {
        putTimes.add(messages);
        putBytes.add(bytes);
        putLatency.record(latencyNanos / 1000);
    }

    public void recordGet(boolean found) {
        (found ? getFound : getMiss).increment();
    }

    /** Called about once a second by the store's scheduler. */
    public synchronized void sample() {
        long now = System.nanoTime();
        long times = putTimes.sum();
        double seconds = (now - lastSampleNanos) / 1e9;
        if (seconds > 0) {
            putTps = (times - lastSampleTimes) / seconds;
        }
        lastSampleNanos = now;
        lastSampleTimes = times;
    }

    public long putTimes() {
        return putTimes.sum();
    }

    public long putBytes() {
        return putBytes.sum();
    }

    public long getFound() {
        return getFound.sum();
    }

    public long getMiss() {
        return getMiss.sum();
    }

    public double putTps() {
        return putTps;
    }

    public LatencyHistogram putLatency() {
        return putLatency;
    }
}
