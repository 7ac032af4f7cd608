package io.apogee.bench.cli.compare;

import io.apogee.bench.workload.BenchResult;
import io.apogee.bench.workload.Markers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bench producer|consumer} child JVM. Its output goes to a log; when it prints that its
 * measured part starts and ends, the system under test is sampled, so CPU time is charged for
 * exactly the measured interval.
 */
final class BenchProcess {
    private static final String CLIENT_HEAP = "-Xmx512m";

    private final Process process;
    private final Path resultFile;
    private final Thread reader;
    private volatile ProcSample atStart;
    private volatile ProcSample atEnd;

    /**
     * @param role {@code producer} or {@code consumer}
     * @param sampled the system to sample at the markers, or null when this run is not measured
     */
    BenchProcess(String classPath, String role, List<String> args, Path dir, String name, RunningSystem sampled)
            throws IOException {
        Files.createDirectories(dir);
        this.resultFile = dir.resolve(name + ".properties");
        List<String> command = new ArrayList<>(List.of(Launcher.JAVA, CLIENT_HEAP,
                "-Duser.home=" + dir.resolve("client-home"), "-cp", classPath, "io.apogee.bench.cli.BenchCommand", role));
        command.addAll(args);
        command.addAll(List.of("--result-file", resultFile.toString()));
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path log = dir.resolve(name + ".log");
        this.reader = new Thread(() -> copyAndWatch(log, sampled), "bench-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void copyAndWatch(Path log, RunningSystem sampled) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (sampled != null && line.equals(Markers.MEASURING_STARTED)) {
                    atStart = sampled.sample();
                } else if (sampled != null && line.equals(Markers.MEASURING_ENDED)) {
                    atEnd = sampled.sample();
                }
                out.println(line);
            }
        } catch (IOException e) {
            // The child died or the log cannot be written; await() reports the missing result.
        }
    }

    /** Waits for the child and returns its result and the system's usage over the measured part. */
    Measured await(long timeoutSeconds) throws Exception {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("bench did not finish within " + timeoutSeconds + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        if (process.exitValue() != 0 || !Files.exists(resultFile)) {
            throw new IllegalStateException("bench exited with " + process.exitValue() + ", see " + resultFile.getParent());
        }
        ProcSample used = atStart != null && atEnd != null ? atEnd.since(atStart) : null;
        return new Measured(BenchResult.read(resultFile), used);
    }

    /** A bench result and the system's usage while it was measured (null when not sampled). */
    record Measured(BenchResult result, ProcSample usage) {
    }
}
