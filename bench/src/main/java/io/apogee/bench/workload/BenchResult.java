package io.apogee.bench.workload;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The outcome of one measured run, also as a properties file so a driving process (the comparison)
 * reads it without parsing the human-readable output.
 *
 * @param messages messages sent or received while measuring
 * @param seconds length of the measured part
 * @param failures failed operations while measuring
 * @param latency send round trip (producer) or end-to-end latency (consumer)
 */
public record BenchResult(long messages, double seconds, long failures, LatencySummary latency) {

    public double tps() {
        return seconds <= 0 ? 0 : messages / seconds;
    }

    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("messages", Long.toString(messages));
        p.setProperty("seconds", Double.toString(seconds));
        p.setProperty("failures", Long.toString(failures));
        p.setProperty("tps", Double.toString(tps()));
        p.setProperty("latency.mean.us", Double.toString(latency.mean()));
        p.setProperty("latency.p50.us", Long.toString(latency.p50()));
        p.setProperty("latency.p99.us", Long.toString(latency.p99()));
        p.setProperty("latency.p999.us", Long.toString(latency.p999()));
        p.setProperty("latency.max.us", Long.toString(latency.max()));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "apogee bench result");
        }
    }

    public static BenchResult read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        LatencySummary latency = new LatencySummary(
                Double.parseDouble(p.getProperty("latency.mean.us")),
                Long.parseLong(p.getProperty("latency.p50.us")),
                Long.parseLong(p.getProperty("latency.p99.us")),
                Long.parseLong(p.getProperty("latency.p999.us")),
                Long.parseLong(p.getProperty("latency.max.us")));
        return new BenchResult(Long.parseLong(p.getProperty("messages")), Double.parseDouble(p.getProperty("seconds")),
                Long.parseLong(p.getProperty("failures")), latency);
    }
}
