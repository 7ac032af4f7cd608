package io.apogee.bench.workload;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints one line per second from a {@link Meter}'s window while a workload runs. */
public final class ProgressPrinter implements AutoCloseable {
    private final Meter meter;
    private final String rateLabel;
    private final String latencyLabel;
    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-progress");
        t.setDaemon(true);
        return t;
    });
    private long second;

    /**
     * @param rateLabel what the rate counts, e.g. {@code send tps}
     * @param latencyLabel what the latency is, e.g. {@code rt}
     */
    public ProgressPrinter(Meter meter, String rateLabel, String latencyLabel, PrintStream out) {
        this.meter = meter;
        this.rateLabel = rateLabel;
        this.latencyLabel = latencyLabel;
        this.out = out;
    }

    public ProgressPrinter start() {
        meter.takeWindow();
        timer.scheduleAtFixedRate(this::printWindow, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void printWindow() {
        Meter.Window w = meter.takeWindow();
        second++;
        out.printf("[%4ds] %s %8d  %s avg %8.3f ms  max %9.3f ms  failed %d%n", second, rateLabel, w.messages(),
                latencyLabel, w.meanLatencyMicros() / 1000, w.maxLatencyMicros() / 1000.0, w.failures());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
