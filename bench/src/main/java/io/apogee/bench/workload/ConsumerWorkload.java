package io.apogee.bench.workload;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes with a push consumer, measuring the delivery rate and each message's end-to-end latency
 * (from the producer's stamp, or its born timestamp, to the listener). The clock starts at the first
 * message, so client start-up and rebalancing are not counted against the broker.
 */
public final class ConsumerWorkload {
    private final ConsumerSettings settings;
    private final BenchClient client;
    private final PrintStream out;
    private final Meter meter = new Meter();
    private final AtomicLong received = new AtomicLong();
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final CountDownLatch allArrived = new CountDownLatch(1);
    private volatile long lastArrivalNanos;
    private volatile long measuredAtLastArrival;

    public ConsumerWorkload(ConsumerSettings settings, BenchClient client, PrintStream out) {
        this.settings = settings;
        this.client = client;
        this.out = out;
    }

    public BenchResult run() throws Exception {
        if (settings.warmupSeconds() == 0) {
            meter.startMeasuring();
        }
        try (ProgressPrinter progress = new ProgressPrinter(meter, "recv tps", "e2e", out).start()) {
            client.subscribe(settings.subscription(), this::onMessage);
            if (!firstArrived.await(settings.firstMessageTimeoutSeconds(), TimeUnit.SECONDS)) {
                out.printf("no message within %d s%n", settings.firstMessageTimeoutSeconds());
                return new BenchResult(0, 0, 0, LatencySummary.of(meter.measuredLatency()));
            }
            long measureStart = System.nanoTime();
            if (settings.warmupSeconds() > 0) {
                allArrived.await(settings.warmupSeconds(), TimeUnit.SECONDS);
                meter.startMeasuring();
                measureStart = System.nanoTime();
            }
            out.println(Markers.MEASURING_STARTED);
            boolean allIn = settings.seconds() > 0
                    ? allArrived.await(settings.seconds(), TimeUnit.SECONDS)
                    : allArrived.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            long end = allIn ? lastArrivalNanos : System.nanoTime();
            long messages = allIn ? measuredAtLastArrival : meter.measuredMessages();
            out.println(Markers.MEASURING_ENDED);
            return new BenchResult(messages, (end - measureStart) / 1e9, meter.measuredFailures(),
                    LatencySummary.of(meter.measuredLatency()));
        }
    }

    private void onMessage(ReceivedMessage m) {
        long latencyMicros = m.sentNanos() >= 0
                ? (System.nanoTime() - m.sentNanos()) / 1000
                : (System.currentTimeMillis() - m.bornMillis()) * 1000;
        meter.record(1, latencyMicros);
        long n = received.incrementAndGet();
        if (n == 1) {
            firstArrived.countDown();
        }
        if (n == settings.messages()) {
            // Messages keep arriving while the run winds down; the rate is taken up to the last one asked for.
            measuredAtLastArrival = meter.measuredMessages();
            lastArrivalNanos = System.nanoTime();
            allArrived.countDown();
        }
    }
}
