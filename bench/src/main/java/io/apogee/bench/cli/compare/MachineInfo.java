package io.apogee.bench.cli.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the report says about where and how it was measured. */
final class MachineInfo {
    private static final long DEFAULT_CLOCK_TICKS = 100;

    private MachineInfo() {
    }

    static String describe(String options) {
        return "Measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + Runtime.getRuntime().availableProcessors()
                + " CPUs, " + memTotalGib() + " GiB RAM, Java " + System.getProperty("java.version")
                + "; compare options: `" + options + "`.\n";
    }

    /** USER_HZ, the unit of /proc/PID/stat CPU times: {@code getconf CLK_TCK}, 100 on every common Linux. */
    static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : DEFAULT_CLOCK_TICKS;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_CLOCK_TICKS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_CLOCK_TICKS;
        }
    }

    private static String memTotalGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // Not Linux: the report simply says unknown.
        }
        return "?";
    }
}
