package io.apogee.store.stats;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lock-free latency histogram in microseconds: 8 linear sub-buckets per power of two, so any
 * percentile is within 12.5% of the true value. Recording is one atomic increment.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 3;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int BUCKETS = 64 * SUB_COUNT;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private volatile long max;

    public void record(long micros) {
        long v = Math.max(0, micros);
        counts.incrementAndGet(index(v));
        if (v > max) {
            synchronized (this) {
                if (v > max) {
                    max = v;
                }
            }
        }
    }

    static int index(long v) {
        if (v < SUB_COUNT) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (exp - SUB_BITS)) & (SUB_COUNT - 1);
        return (exp - SUB_BITS + 1) * SUB_COUNT + sub;
    }

    /** Upper bound of a bucket's values. */
    static long upperBound(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int exp = index / SUB_COUNT + SUB_BITS - 1;
        int sub = index % SUB_COUNT;
        return ((long) (SUB_COUNT + sub + 1) << (exp - SUB_BITS)) - 1;
    }

    /** Value at the given quantile (0..1); 0 when empty. */
    public long percentile(double quantile) {
        long total = 0;
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    public long max() {
        return max;
    }

    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    public void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
        max = 0;
    }
}
