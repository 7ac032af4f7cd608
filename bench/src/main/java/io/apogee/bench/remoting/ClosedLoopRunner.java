package io.apogee.bench.remoting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** N caller threads doing back-to-back sync round trips for a fixed time; reports calls per second. */
public final class ClosedLoopRunner {
    private final int callers;

    public ClosedLoopRunner(int callers) {
        this.callers = callers;
    }

    public record Result(long calls, long errors, long nanos) {
        public double perSecond() {
            return calls * 1e9 / nanos;
        }
    }

    public Result run(RoundTripTarget target, long millis) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder calls = new LongAdder();
        LongAdder errors = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        target.roundTrip();
                        calls.increment();
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
            }, target.name() + "-caller-" + i);
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        TimeUnit.MILLISECONDS.sleep(millis);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return new Result(calls.sum(), errors.sum(), System.nanoTime() - start);
    }
}
