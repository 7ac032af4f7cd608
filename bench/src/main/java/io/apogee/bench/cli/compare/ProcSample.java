package io.apogee.bench.cli.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * CPU time and memory of a set of processes, read from Linux's /proc: CPU seconds are utime + stime
 * (fields 14 and 15 of /proc/PID/stat) over the clock tick; memory is VmRSS, VmHWM and RssAnon of
 * /proc/PID/status, in KiB, summed over the processes.
 */
record ProcSample(double cpuSeconds, long rssKib, long hwmKib, long anonKib) {
    static final ProcSample ZERO = new ProcSample(0, 0, 0, 0);

    static ProcSample of(Collection<Long> pids, long clockTicksPerSecond) {
        ProcSample sum = ZERO;
        for (long pid : pids) {
            sum = sum.plus(of(pid, clockTicksPerSecond));
        }
        return sum;
    }

    /** One process; a process that has gone contributes nothing. */
    static ProcSample of(long pid, long clockTicksPerSecond) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            return new ProcSample(cpuSeconds(Files.readString(proc.resolve("stat")), clockTicksPerSecond),
                    0, 0, 0).plus(memory(Files.readString(proc.resolve("status"))));
        } catch (IOException e) {
            return ZERO;
        }
    }

    static double cpuSeconds(String stat, long clockTicksPerSecond) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / (double) clockTicksPerSecond;
    }

    static ProcSample memory(String status) {
        long rss = 0;
        long hwm = 0;
        long anon = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line);
            } else if (line.startsWith("RssAnon:")) {
                anon = kib(line);
            }
        }
        return new ProcSample(0, rss, hwm, anon);
    }

    private static long kib(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }

    ProcSample plus(ProcSample other) {
        return new ProcSample(cpuSeconds + other.cpuSeconds, rssKib + other.rssKib, hwmKib + other.hwmKib,
                anonKib + other.anonKib);
    }

    /** CPU used since {@code earlier}, with this sample's memory. */
    ProcSample since(ProcSample earlier) {
        return new ProcSample(cpuSeconds - earlier.cpuSeconds, rssKib, hwmKib, anonKib);
    }
}
