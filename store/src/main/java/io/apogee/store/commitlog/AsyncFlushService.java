package io.apogee.store.commitlog;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.file.MappedFileQueue;
import io.apogee.store.recovery.FlushMarks;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.util.ServiceThread;
import java.util.function.LongSupplier;

/**
 * ASYNC_FLUSH: flushes the commit log every flushIntervalCommitLog ms once flushCommitLogLeastPages
 * pages are dirty, and everything at least every flushCommitLogThoroughInterval ms.
 */
final class AsyncFlushService extends ServiceThread {
    private final MappedFileQueue files;
    private final MessageStoreConfig config;
    private final StoreCheckpoint checkpoint;
    private final LongSupplier lastStoreTimestamp;
    private final FlushMarks marks = new FlushMarks();
    private long lastThoroughFlush = System.currentTimeMillis();

    AsyncFlushService(MappedFileQueue files, MessageStoreConfig config, StoreCheckpoint checkpoint,
                      LongSupplier lastStoreTimestamp) {
        this.files = files;
        this.config = config;
        this.checkpoint = checkpoint;
        this.lastStoreTimestamp = lastStoreTimestamp;
    }

    @Override
    protected String name() {
        return "apogee-flush-commitlog";
    }

    @Override
    protected void doWork() throws InterruptedException {
        int interval = config.getFlushIntervalCommitLog();
        if (config.isFlushCommitLogTimed()) {
            Thread.sleep(interval);
        } else {
            waitForRunning(interval);
        }
        int leastPages = config.getFlushCommitLogLeastPages();
        long now = System.currentTimeMillis();
        if (now - lastThoroughFlush >= config.getFlushCommitLogThoroughInterval()) {
            lastThoroughFlush = now;
            leastPages = 0;
        }
        flush(leastPages);
    }

    /**
     * Every flush moves the checkpoint as far as the disk copy now reaches, so that crash recovery
     * starts near the end. A least-pages flush may leave a tail (and write buffers may hold data
     * not yet committed), hence the marks rather than the time of the newest record.
     */
    private void flush(int leastPages) {
        // the time first: the append that set it had already advanced the end read next
        long storeTimestamp = lastStoreTimestamp.getAsLong();
        marks.mark(files.getMaxWrotePosition(), storeTimestamp);
        files.flush(leastPages);
        long durable = marks.durableUpTo(files.getFlushedWhere());
        if (durable > 0) {
            checkpoint.setPhysicMsgTimestamp(durable);
        }
    }

    @Override
    protected void onShutdown() {
        flush(0);
    }
}
