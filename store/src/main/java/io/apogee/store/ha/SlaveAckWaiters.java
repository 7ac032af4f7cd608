package io.apogee.store.ha;

import io.apogee.store.PutMessageStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SYNC_MASTER puts waiting for a slave to hold their bytes. Each completes PUT_OK once some slave
 * reports an offset at or past the put's end, or FLUSH_SLAVE_TIMEOUT when its time runs out; no
 * thread waits meanwhile.
 */
final class SlaveAckWaiters {
    private record Waiter(long offset, CompletableFuture<PutMessageStatus> future) {
    }

    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(Comparator.comparingLong(Waiter::offset));
    private long acked;

    /** Completes once a slave holds every byte before {@code offset}. */
    CompletableFuture<PutMessageStatus> await(long offset, long timeoutMillis) {
        CompletableFuture<PutMessageStatus> future = new CompletableFuture<>();
        synchronized (this) {
            if (acked >= offset) {
                return CompletableFuture.completedFuture(PutMessageStatus.PUT_OK);
            }
            waiting.add(new Waiter(offset, future));
        }
        return future.completeOnTimeout(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** A slave holds every byte before {@code offset}. Futures complete outside the lock. */
    void acknowledged(long offset) {
        List<Waiter> done = new ArrayList<>();
        synchronized (this) {
            if (offset <= acked) {
                return;
            }
            acked = offset;
            while (!waiting.isEmpty() && waiting.peek().offset() <= offset) {
                done.add(waiting.poll());
            }
        }
        done.forEach(w -> w.future().complete(PutMessageStatus.PUT_OK));
    }

    /** The highest offset any slave has acknowledged. */
    synchronized long acked() {
        return acked;
    }

    /** Shutdown: nobody will acknowledge any more. */
    void failAll() {
        List<Waiter> left;
        synchronized (this) {
            left = new ArrayList<>(waiting);
            waiting.clear();
        }
        left.forEach(w -> w.future().complete(PutMessageStatus.FLUSH_SLAVE_TIMEOUT));
    }
}
