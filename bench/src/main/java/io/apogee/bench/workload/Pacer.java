package io.apogee.bench.workload;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces messages evenly to a rate shared by all sender threads. A sender that fell behind does not
 * get a burst of catch-up slots: an idle-latency run must stay idle.
 */
final class Pacer {
    private final long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

    /** @param perSecond messages per second, 0 for no pacing */
    Pacer(int perSecond) {
        this.intervalNanos = perSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    /** Waits for the slot of the next {@code messages} messages. */
    void await(int messages) {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        while (true) {
            long next = nextSlot.get();
            slot = Math.max(next, System.nanoTime());
            if (nextSlot.compareAndSet(next, slot + messages * intervalNanos)) {
                break;
            }
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
