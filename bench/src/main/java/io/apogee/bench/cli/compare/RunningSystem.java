package io.apogee.bench.cli.compare;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The server processes of one started system, sampled together and stopped together. */
final class RunningSystem implements AutoCloseable {
    private static final long STOP_SECONDS = 30;

    private final String namesrvAddr;
    private final List<Process> processes;
    private final long clockTicksPerSecond;

    /** @param processes every server process of the system; the broker last, so it stops first */
    RunningSystem(String namesrvAddr, List<Process> processes, long clockTicksPerSecond) {
        this.namesrvAddr = namesrvAddr;
        this.processes = List.copyOf(processes);
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    String namesrvAddr() {
        return namesrvAddr;
    }

    /** CPU time and memory summed over the system's processes. */
    ProcSample sample() {
        return ProcSample.of(processes.stream().map(Process::pid).toList(), clockTicksPerSecond);
    }

    /** Fails when a server process died, with the exit code in the message. */
    void requireAlive() {
        for (Process p : processes) {
            if (!p.isAlive()) {
                throw new IllegalStateException("server process " + p.pid() + " exited with " + p.exitValue());
            }
        }
    }

    /** SIGTERM, so shutdown hooks run (and a flight recording is written), then SIGKILL if need be. */
    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            if (!p.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
