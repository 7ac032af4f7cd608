package io.apogee.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void emptyHistogramReportsZeros() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(99)).isZero();
        assertThat(h.mean()).isZero();
        assertThat(h.max()).isZero();
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 10; v++) {
            h.record(v);
        }
        assertThat(h.percentile(50)).isEqualTo(5);
        assertThat(h.percentile(90)).isEqualTo(9);
        assertThat(h.percentile(100)).isEqualTo(10);
        assertThat(h.percentile(0)).isEqualTo(1);
        assertThat(h.mean()).isEqualTo(5.5);
        assertThat(h.max()).isEqualTo(10);
    }

    @Test
    void percentilesOfAWideDistributionAreWithinTheBucketError() {
        LatencyHistogram h = new LatencyHistogram();
        Random random = new Random(42);
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            // Log-uniform from 1 us to about 1 s, like latencies with a long tail.
            values[i] = (long) Math.exp(random.nextDouble() * Math.log(1_000_000));
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) h.percentile(p)).as("p%s", p).isBetween((double) exact, exact * (1 + 1.0 / 32));
        }
        assertThat(h.max()).isEqualTo(values[values.length - 1]);
        assertThat(h.mean()).isCloseTo(Arrays.stream(values).average().orElseThrow(), within(1e-6));
    }

    @Test
    void aPercentileNeverExceedsTheMaximum() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000_001);
        assertThat(h.percentile(50)).isEqualTo(1_000_001);
    }

    @Test
    void bucketsCoverEveryLongInOrder() {
        long previousEdge = -1;
        for (int bucket = 0; bucket <= LatencyHistogram.bucketOf(Long.MAX_VALUE); bucket++) {
            long edge = LatencyHistogram.upperEdge(bucket);
            assertThat(edge).isGreaterThan(previousEdge);
            // The value after the previous edge and this edge both fall in this bucket: no gaps, no overlaps.
            assertThat(LatencyHistogram.bucketOf(previousEdge + 1)).isEqualTo(bucket);
            assertThat(LatencyHistogram.bucketOf(edge)).isEqualTo(bucket);
            previousEdge = edge;
        }
        assertThat(previousEdge).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void negativeValuesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        assertThat(h.count()).isEqualTo(1);
        assertThat(h.percentile(100)).isZero();
    }

    @Test
    void percentileOutsideZeroToHundredIsRejected() {
        assertThatThrownBy(() -> new LatencyHistogram().percentile(100.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
