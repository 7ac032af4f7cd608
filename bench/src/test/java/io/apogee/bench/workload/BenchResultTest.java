package io.apogee.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchResultTest {

    @Test
    void survivesTheRoundTripThroughItsFile(@TempDir Path dir) throws Exception {
        BenchResult result = new BenchResult(1000, 2.0, 3, new LatencySummary(412.5, 380, 1210, 4050, 12800));
        result.write(dir.resolve("r.properties"));
        BenchResult read = BenchResult.read(dir.resolve("r.properties"));
        assertThat(read).isEqualTo(result);
        assertThat(read.tps()).isEqualTo(500.0);
    }

    @Test
    void latencyLineIsInMilliseconds() {
        assertThat(new LatencySummary(412.0, 380, 1210, 4050, 12800).describeMillis())
                .isEqualTo("avg 0.412  p50 0.380  p99 1.210  p999 4.050  max 12.800 (ms)");
    }
}
