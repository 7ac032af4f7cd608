package io.apogee.client.impl.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LatencyFaultToleranceTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LatencyFaultTolerance faults = new LatencyFaultTolerance(now::get);

    @Test
    void fastSendsNeverIsolate() {
        faults.updateFaultItem("a", 0, false);
        faults.updateFaultItem("a", 549, false);
        assertThat(faults.isAvailable("a")).isTrue();
        assertThat(faults.isAvailable("never-used")).isTrue();
    }

    @Test
    void slowerSendsIsolateLongerUntilTheirTimeIsUp() {
        faults.updateFaultItem("slow", 550, false);
        faults.updateFaultItem("slower", 2500, false);
        faults.updateFaultItem("slowest", 20_000, false);

        now.addAndGet(29_999);
        assertThat(faults.isAvailable("slow")).isFalse();
        now.addAndGet(1);
        assertThat(faults.isAvailable("slow")).isTrue();
        assertThat(faults.isAvailable("slower")).isFalse();
        now.addAndGet(120_000 - 30_000);
        assertThat(faults.isAvailable("slower")).isTrue();
        assertThat(faults.isAvailable("slowest")).isFalse();
        now.addAndGet(600_000 - 120_000);
        assertThat(faults.isAvailable("slowest")).isTrue();
    }

    @Test
    void failureIsolatesEvenAFastBrokerAndAFastSendLiftsIt() {
        faults.updateFaultItem("b", 3, true);
        now.addAndGet(LatencyFaultTolerance.FAILURE_ISOLATION_MILLIS - 1);
        assertThat(faults.isAvailable("b")).isFalse();

        faults.updateFaultItem("b", 3, false);
        assertThat(faults.isAvailable("b")).isTrue();
    }

    @Test
    void customTablesAreReadInPairsEvenWhileTheirLengthsDiffer() {
        faults.setLatencyMax(new long[] {10, 20});
        faults.updateFaultItem("c", 25, false);
        assertThat(faults.isAvailable("c")).as("durations still the 7 defaults: 20 ms pairs with 0").isTrue();

        faults.setNotAvailableDuration(new long[] {1000, 5000});
        faults.updateFaultItem("c", 25, false);
        now.addAndGet(4999);
        assertThat(faults.isAvailable("c")).isFalse();
        now.addAndGet(1);
        assertThat(faults.isAvailable("c")).isTrue();
        assertThat(faults.getLatencyMax()).containsExactly(10, 20);
    }
}
