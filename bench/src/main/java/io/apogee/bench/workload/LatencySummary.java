package io.apogee.bench.workload;

import java.util.Locale;

/** The latency figures a summary reports, in microseconds. */
public record LatencySummary(double mean, long p50, long p99, long p999, long max) {

    public static LatencySummary of(LatencyHistogram h) {
        return new LatencySummary(h.mean(), h.percentile(50), h.percentile(99), h.percentile(99.9), h.max());
    }

    /** One line in milliseconds, e.g. {@code avg 0.412  p50 0.380  p99 1.210  p999 4.050  max 12.800 (ms)}. */
    public String describeMillis() {
        return String.format(Locale.ROOT, "avg %.3f  p50 %.3f  p99 %.3f  p999 %.3f  max %.3f (ms)",
                mean / 1000, p50 / 1000.0, p99 / 1000.0, p999 / 1000.0, max / 1000.0);
    }
}
