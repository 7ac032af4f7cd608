package io.apogee.store.commitlog;

import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.file.FlushableLog;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.stats.StoreMetrics;
import io.apogee.store.util.ServiceThread;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_FLUSH: puts register the offset they need on disk; one fsync covers every put waiting
 * when it starts (group commit). A watchdog fails puts not covered within syncFlushTimeout with
 * FLUSH_DISK_TIMEOUT, even while the flush itself hangs; an I/O error fails every waiting put.
 */
final class GroupCommitService extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitService.class);

    private final FlushableLog files;
    private final StoreCheckpoint checkpoint;
    private final LongSupplier lastStoreTimestamp;
    private final StoreMetrics metrics;
    private final long timeoutNanos;
    /** In submission order, hence also in deadline order. */
    private final ConcurrentLinkedQueue<Request> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService watchdog;

    private static final class Request extends CompletableFuture<PutMessageResult> {
        final long nextOffset;
        final long startNanos;
        final int messages;
        final int bytes;
        final PutMessageResult result;

        Request(long nextOffset, long startNanos, int messages, int bytes, PutMessageResult result) {
            this.nextOffset = nextOffset;
            this.startNanos = startNanos;
            this.messages = messages;
            this.bytes = bytes;
            this.result = result;
        }
    }

    GroupCommitService(FlushableLog files, StoreCheckpoint checkpoint, LongSupplier lastStoreTimestamp,
                       StoreMetrics metrics, long timeoutMillis) {
        this.files = files;
        this.checkpoint = checkpoint;
        this.lastStoreTimestamp = lastStoreTimestamp;
        this.metrics = metrics;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apogee-group-commit-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, Math.min(100, timeoutMillis / 4));
        watchdog.scheduleWithFixedDelay(this::expireOverdue, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    protected String name() {
        return "apogee-group-commit";
    }

    CompletableFuture<PutMessageResult> submit(long nextOffset, long startNanos, int messages, int bytes,
                                               PutMessageResult result) {
        Request request = new Request(nextOffset, startNanos, messages, bytes, result);
        pending.add(request);
        wakeup();
        return request;
    }

    @Override
    protected void doWork() {
        waitForRunning(10);
        if (!pending.isEmpty()) {
            commitWaiting();
        }
    }

    private void commitWaiting() {
        try {
            long storeTimestamp = lastStoreTimestamp.getAsLong();
            files.flush(0);
            long flushed = files.getFlushedWhere();
            if (storeTimestamp > 0) {
                checkpoint.setPhysicMsgTimestamp(storeTimestamp);
            }
            long now = System.nanoTime();
            for (Iterator<Request> it = pending.iterator(); it.hasNext(); ) {
                Request r = it.next();
                if (r.nextOffset <= flushed) {
                    it.remove();
                    if (!r.isDone()) {
                        // counted before completion so a caller sees its own put in the stats
                        metrics.recordPut(r.messages, r.bytes, now - r.startNanos);
                        r.complete(r.result);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("group commit flush failed; failing the waiting puts", e);
            // Puts that start from now on wait for the next flush: their bytes are not lost yet.
            long failedAt = System.nanoTime();
            for (Iterator<Request> it = pending.iterator(); it.hasNext(); ) {
                Request r = it.next();
                if (r.startNanos - failedAt <= 0) {
                    it.remove();
                    r.complete(new PutMessageResult(PutMessageStatus.UNKNOWN_ERROR, r.result.getAppendMessageResult(),
                            "flush failed: " + e.getMessage()));
                }
            }
        }
    }

    private void expireOverdue() {
        long now = System.nanoTime();
        Request r;
        while ((r = pending.peek()) != null && now - r.startNanos > timeoutNanos) {
            if (pending.remove(r)) {
                r.complete(new PutMessageResult(PutMessageStatus.FLUSH_DISK_TIMEOUT,
                        r.result.getAppendMessageResult(),
                        "not flushed within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"));
            }
        }
    }

    @Override
    protected void onShutdown() {
        commitWaiting();
    }

    /** Also stops the watchdog, which runs from construction on, started or not. */
    @Override
    public void shutdown() {
        super.shutdown();
        watchdog.shutdownNow();
    }
}
