package io.apogee.bench.workload;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A concurrent histogram of non-negative values (latencies in microseconds) in log-linear buckets:
 * values below {@value #LINEAR} each get their own bucket, and every power of two above that is cut
 * into {@value #LINEAR} equal buckets, so a reported percentile is never more than 1/32 (about 3%)
 * above the true value while the whole range of a long fits in under 2,000 counters.
 *
 * <p>Recording is lock-free and allocation-free, so many sender threads can share one instance.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    static final int LINEAR = 1 << SUB_BITS;
    private static final int BUCKETS = (Long.SIZE - SUB_BITS) * LINEAR;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder count = new LongAdder();
    private final LongAdder sum = new LongAdder();
    private final AtomicLong max = new AtomicLong();

    /** Records one value; negative values (clock steps between processes) count as zero. */
    public void record(long value) {
        long v = Math.max(0, value);
        counts.incrementAndGet(bucketOf(v));
        count.increment();
        sum.add(v);
        raise(max, v);
    }

    /** Sets {@code holder} to {@code v} if that is larger, writing only when it is (most calls only read). */
    static void raise(AtomicLong holder, long v) {
        long seen = holder.get();
        while (v > seen && !holder.compareAndSet(seen, v)) {
            seen = holder.get();
        }
    }

    public long count() {
        return count.sum();
    }

    public long max() {
        return max.get();
    }

    public double mean() {
        long n = count();
        return n == 0 ? 0 : (double) sum.sum() / n;
    }

    /**
     * The smallest recorded-bucket value at or below which {@code percentile} percent of the values
     * fall, reported as the bucket's upper edge (capped at the maximum seen): 0 when empty.
     */
    public long percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be within 0..100: " + percentile);
        }
        long n = count();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperEdge(i), max());
            }
        }
        return max();
    }

    static int bucketOf(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        // shift keeps the top SUB_BITS + 1 bits, a number in [LINEAR, 2 * LINEAR).
        int shift = (Long.SIZE - 1 - Long.numberOfLeadingZeros(v)) - SUB_BITS;
        return shift * LINEAR + (int) (v >>> shift);
    }

    static long upperEdge(int bucket) {
        if (bucket < LINEAR) {
            return bucket;
        }
        int shift = bucket / LINEAR - 1;
        long top = bucket - (long) shift * LINEAR;
        // For the top bucket the shift wraps to Long.MIN_VALUE, and minus one is Long.MAX_VALUE.
        return ((top + 1) << shift) - 1;
    }
}
