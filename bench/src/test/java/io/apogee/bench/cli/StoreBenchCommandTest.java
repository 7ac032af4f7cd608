package io.apogee.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class StoreBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void storeSubcommandPassesItsOptionsToTheStoreBenchmarkAndReportsARate() throws Exception {
        Path store = dir.resolve("store");
        String output = runCapturingStdout("store", "--seconds", "1", "--threads", "1", "--queues", "1",
                "--dir", store.toString(), "--keep");

        assertThat(output).contains("threads=1").contains("queues=1");
        // Log lines (the store's shutdown) may interleave; the summary line is the benchmark's last.
        assertThat(output.lines().filter(line -> line.startsWith("store-bench:")).reduce((a, b) -> b))
                .hasValueSatisfying(summary -> assertThat(summary).matches("store-bench: [0-9,.]+ msg/s"));
        // --dir and --keep reached the benchmark: the store it wrote is still there.
        assertThat(Files.list(store.resolve("commitlog"))).isNotEmpty();
    }

    private static String runCapturingStdout(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(BenchCommand.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
