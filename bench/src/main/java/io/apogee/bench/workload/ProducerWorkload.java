package io.apogee.bench.workload;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends messages from several threads as fast as the broker acknowledges them (or at a set rate),
 * printing progress every second, and sums up the measured part of the run.
 */
public final class ProducerWorkload {
    /** How long to wait for outstanding async sends at the end before calling them failed. */
    private static final long DRAIN_SECONDS = 30;

    private final ProducerSettings settings;
    private final BenchClient client;
    private final PrintStream out;
    private final byte[] body;
    private final Meter meter = new Meter();
    private final MessageBudget budget;
    private final Pacer pacer;
    private final Semaphore inflight;
    private final AtomicBoolean errorReported = new AtomicBoolean();
    private volatile boolean stopped;

    public ProducerWorkload(ProducerSettings settings, BenchClient client, PrintStream out) {
        this.settings = settings;
        this.client = client;
        this.out = out;
        this.body = randomBody(settings.size());
        this.budget = new MessageBudget(settings.messages());
        this.pacer = new Pacer(settings.rate());
        this.inflight = new Semaphore(settings.inflight());
    }

    /** Random bytes, so that nothing on the way gains from compressing them. */
    private static byte[] randomBody(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    public BenchResult run() throws Exception {
        if (settings.queues() > 0) {
            for (String topic : settings.topics()) {
                client.createTopic(topic, settings.queues());
            }
        }
        CountDownLatch finished = new CountDownLatch(settings.threads());
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < settings.threads(); i++) {
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    sendLoop(index);
                } finally {
                    finished.countDown();
                }
            }, "bench-sender-" + i);
            senders.add(t);
        }
        try (ProgressPrinter progress = new ProgressPrinter(meter, "send tps", "rt", out).start()) {
            senders.forEach(Thread::start);
            finished.await(settings.warmupSeconds(), TimeUnit.SECONDS);
            meter.startMeasuring();
            out.println(Markers.MEASURING_STARTED);
            long measureStart = System.nanoTime();
            if (settings.seconds() > 0) {
                finished.await(settings.seconds(), TimeUnit.SECONDS);
            } else {
                finished.await();
            }
            stopped = true;
            finished.await();
            drainAsync();
            long nanos = System.nanoTime() - measureStart;
            out.println(Markers.MEASURING_ENDED);
            return new BenchResult(meter.measuredMessages(), nanos / 1e9, meter.measuredFailures(),
                    LatencySummary.of(meter.measuredLatency()));
        }
    }

    private void sendLoop(int thread) {
        long sequence = 0;
        // Requests, not messages, pick the topic: with batches every topic still gets its turn.
        long requests = 0;
        while (!stopped) {
            int count = budget.claim(settings.mode() == SendMode.BATCH ? settings.batch() : 1);
            if (count == 0) {
                return;
            }
            pacer.await(count);
            long first = sequence;
            String topic = settings.topics().get((int) Math.floorMod(thread + requests++, (long) settings.topics().size()));
            try {
                switch (settings.mode()) {
                    case SYNC -> timed(1, () -> client.sendSync(message(topic, first)));
                    case ONEWAY -> timed(1, () -> client.sendOneway(message(topic, first)));
                    case BATCH -> timed(count, () -> client.sendBatch(batch(topic, first, count)));
                    case ASYNC -> sendAsync(message(topic, first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sequence += count;
        }
    }

    private interface Send {
        void run() throws Exception;
    }

    private void timed(int messages, Send send) {
        long start = System.nanoTime();
        try {
            send.run();
            meter.record(messages, (System.nanoTime() - start) / 1000);
        } catch (Exception e) {
            failed(e);
        }
    }

    private void sendAsync(BenchMessage message) throws InterruptedException {
        inflight.acquire();
        long start = System.nanoTime();
        client.sendAsync(message).whenComplete((ignored, error) -> {
            inflight.release();
            if (error == null) {
                meter.record(1, (System.nanoTime() - start) / 1000);
            } else {
                failed(error);
            }
        });
    }

    private void drainAsync() throws InterruptedException {
        if (!inflight.tryAcquire(settings.inflight(), DRAIN_SECONDS, TimeUnit.SECONDS)) {
            out.printf("warning: async sends still unacknowledged after %d s%n", DRAIN_SECONDS);
        }
    }

    private void failed(Throwable e) {
        meter.failure();
        if (errorReported.compareAndSet(false, true)) {
            out.println("first send failure (later ones are only counted): " + e);
        }
    }

    private BenchMessage message(String topic, long sequence) {
        return new BenchMessage(topic, settings.tags() ? Tags.of(sequence) : null, body,
                settings.stampNanos() ? System.nanoTime() : -1);
    }

    private List<BenchMessage> batch(String topic, long firstSequence, int count) {
        List<BenchMessage> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(message(topic, firstSequence + i));
        }
        return batch;
    }
}
