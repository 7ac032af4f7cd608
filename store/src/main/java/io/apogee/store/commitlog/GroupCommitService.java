package io.apogee.store.commitlog;

import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.file.MappedFileQueue;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.stats.StoreMetrics;
import io.apogee.store.util.ServiceThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_FLUSH: puts register the offset they need on disk; one fsync covers every put waiting
 * when it starts (group commit). A put not covered within syncFlushTimeout completes with
 * FLUSH_DISK_TIMEOUT; an I/O error fails every waiting put.
 */
final class GroupCommitService extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitService.class);

    private final MappedFileQueue files;
    private final StoreCheckpoint checkpoint;
    private final LongSupplier lastStoreTimestamp;
    private final StoreMetrics metrics;
    private final long timeoutMillis;
    private final Object lock = new Object();
    private List<Request> incoming = new ArrayList<>();
    private List<Request> working = new ArrayList<>();

    private record Request(long nextOffset, long startNanos, int messages, int bytes, PutMessageResult result,
                           CompletableFuture<PutMessageResult> future) {
    }

    GroupCommitService(MappedFileQueue files, StoreCheckpoint checkpoint, LongSupplier lastStoreTimestamp,
                       StoreMetrics metrics, long timeoutMillis) {
        this.files = files;
        this.checkpoint = checkpoint;
        this.lastStoreTimestamp = lastStoreTimestamp;
        this.metrics = metrics;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected String name() {
        return "apogee-group-commit";
    }

    CompletableFuture<PutMessageResult> submit(long nextOffset, long startNanos, int messages, int bytes,
                                               PutMessageResult result) {
        CompletableFuture<PutMessageResult> future = new CompletableFuture<>();
        future.completeOnTimeout(new PutMessageResult(PutMessageStatus.FLUSH_DISK_TIMEOUT,
                result.getAppendMessageResult(), "not flushed within " + timeoutMillis + " ms"),
                timeoutMillis, TimeUnit.MILLISECONDS);
        synchronized (lock) {
            incoming.add(new Request(nextOffset, startNanos, messages, bytes, result, future));
        }
        wakeup();
        return future;
    }

    @Override
    protected void doWork() {
        waitForRunning(10);
        commitWaiting();
    }

    private void commitWaiting() {
        synchronized (lock) {
            List<Request> swap = incoming;
            incoming = working;
            working = swap;
        }
        if (working.isEmpty()) {
            return;
        }
        try {
            long storeTimestamp = lastStoreTimestamp.getAsLong();
            files.flush(0);
            long flushed = files.getFlushedWhere();
            if (storeTimestamp > 0) {
                checkpoint.setPhysicMsgTimestamp(storeTimestamp);
            }
            for (Request r : working) {
                if (r.nextOffset() <= flushed) {
                    metrics.recordPut(r.messages(), r.bytes(), System.nanoTime() - r.startNanos());
                    r.future().complete(r.result());
                } else {
                    // appended after the flush started: wait for the next round
                    synchronized (lock) {
                        incoming.add(r);
                    }
                    wakeup();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("group commit flush failed; failing {} waiting puts", working.size(), e);
            for (Request r : working) {
                r.future().complete(new PutMessageResult(PutMessageStatus.UNKNOWN_ERROR, r.result().getAppendMessageResult(),
                        "flush failed: " + e.getMessage()));
            }
        } finally {
            working.clear();
        }
    }

    @Override
    protected void onShutdown() {
        commitWaiting();
        synchronized (lock) {
            List<Request> swap = incoming;
            incoming = working;
            working = swap;
        }
        commitWaiting();
    }
}
