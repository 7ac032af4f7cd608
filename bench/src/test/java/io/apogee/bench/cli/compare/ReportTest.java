package io.apogee.bench.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apogee.bench.workload.BenchResult;
import io.apogee.bench.workload.LatencySummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Measurement run(int round, String system, long messages, long p99Micros, double cpuSeconds) {
        BenchResult result = new BenchResult(messages, 10, 0, new LatencySummary(1000, 900, p99Micros, 5000, 9000));
        return new Measurement(Workload.SYNC_16, round, system, result, new ProcSample(cpuSeconds, 0, 512 * 1024, 0), null);
    }

    @Test
    void ratiosAreTheMedianOfPerRoundRatios() {
        List<Measurement> runs = List.of(
                run(1, "apache", 100_000, 4000, 10), run(1, "apogee", 150_000, 2000, 4),
                run(2, "apache", 200_000, 4000, 10), run(2, "apogee", 200_000, 2000, 4),
                run(3, "apache", 100_000, 4000, 10), run(3, "apogee", 300_000, 2000, 4));
        String summary = new Report(runs, List.of(Workload.SYNC_16), List.of("apache", "apogee")).summary();
        // TPS per round: 1.5, 1.0, 3.0 -> median 1.5.
        assertThat(summary).contains("| sync-16 | msgs/s | 10000 | 20000 | 1.50 | ≥ 1.5 | 1.50 1.00 3.00 |");
        assertThat(summary).contains("| sync-16 | p99 latency (ms) | 4.00 | 2.00 | 0.500 |");
    }

    @Test
    void failedRunsAreListedWithTheirErrorAndLeftOutOfMedians() {
        List<Measurement> runs = List.of(run(1, "apache", 100_000, 4000, 10),
                Measurement.failed(Workload.SYNC_16, 1, "apogee", new IllegalStateException("port 20911 not ready")));
        Report report = new Report(runs, List.of(Workload.SYNC_16), List.of("apache", "apogee"));
        assertThat(report.details()).contains("port 20911 not ready");
        assertThat(report.summary()).contains("| sync-16 | msgs/s | 10000 | n/a | n/a |");
    }

    @Test
    void medianAndFormat() {
        assertThat(Report.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Report.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Report.median(List.of(Double.NaN))).isNaN();
        assertThat(Report.format(12345.6)).isEqualTo("12346");
        assertThat(Report.format(0.01234)).isEqualTo("0.012");
        assertThat(Report.format(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void workloadsAreChosenByIdOrAll() {
        assertThat(Workload.parse("sync-16, backlog")).containsExactly(Workload.SYNC_16, Workload.BACKLOG);
        assertThat(Workload.parse("all")).hasSize(Workload.values().length);
        assertThatThrownBy(() -> Workload.parse("sync-17")).hasMessageContaining("sync-17");
    }
}
