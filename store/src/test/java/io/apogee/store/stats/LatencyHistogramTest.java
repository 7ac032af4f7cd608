package io.apogee.store.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LatencyHistogramTest {
    @Test
    void percentilesAreWithinTheBucketPrecision() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 10_000; i++) {
            h.record(i);
        }
        assertThat(h.count()).isEqualTo(10_000);
        assertThat(h.percentile(0.5)).isBetween(5_000L, 5_700L);
        assertThat(h.percentile(0.99)).isBetween(9_900L, 10_000L);
        assertThat(h.max()).isEqualTo(10_000);
        for (long v : new long[] {0, 7, 8, 9, 1000, Long.MAX_VALUE / 4}) {
            int index = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.upperBound(index)).isGreaterThanOrEqualTo(v);
        }
    }
}
