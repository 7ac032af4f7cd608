package io.apogee.bench.workload;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a workload does: a per-second window for the progress lines, and the totals of the
 * measured part of the run (after the warm-up) for the summary. Shared by all worker threads.
 */
public final class Meter {
    private final LongAdder windowMessages = new LongAdder();
    private final LongAdder windowSamples = new LongAdder();
    private final LongAdder windowLatencySum = new LongAdder();
    private final AtomicLong windowMaxLatency = new AtomicLong();
    private final LongAdder windowFailures = new LongAdder();

    private final LongAdder measuredMessages = new LongAdder();
    private final LongAdder measuredFailures = new LongAdder();
    private final LatencyHistogram measuredLatency = new LatencyHistogram();
    private volatile boolean measuring;

    /** {@code messages} went through in one operation that took {@code latencyMicros}. */
    public void record(int messages, long latencyMicros) {
        windowMessages.add(messages);
        windowSamples.increment();
        windowLatencySum.add(latencyMicros);
        LatencyHistogram.raise(windowMaxLatency, latencyMicros);
        if (measuring) {
            measuredMessages.add(messages);
            measuredLatency.record(latencyMicros);
        }
    }

    public void failure() {
        windowFailures.increment();
        if (measuring) {
            measuredFailures.increment();
        }
    }

    /** Ends the warm-up: from now on operations count towards the summary. */
    public void startMeasuring() {
        measuring = true;
    }

    /** The counts since the previous call, and starts a new window. */
    public Window takeWindow() {
        long samples = windowSamples.sumThenReset();
        long latencySum = windowLatencySum.sumThenReset();
        return new Window(windowMessages.sumThenReset(), samples == 0 ? 0 : latencySum / (double) samples,
                windowMaxLatency.getAndSet(0), windowFailures.sumThenReset());
    }

    public long measuredMessages() {
        return measuredMessages.sum();
    }

    public long measuredFailures() {
        return measuredFailures.sum();
    }

    public LatencyHistogram measuredLatency() {
        return measuredLatency;
    }

    /** One progress window: messages, mean and max latency in microseconds, failures. */
    public record Window(long messages, double meanLatencyMicros, long maxLatencyMicros, long failures) {
    }
}
