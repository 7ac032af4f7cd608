package io.apogee.store.commitlog;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.file.MappedFileQueue;
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
     * Only a thorough flush moves the checkpoint: it covers every record appended before it
     * started, whereas a least-pages flush may leave a tail behind.
     */
    private void flush(int leastPages) {
        long storeTimestamp = lastStoreTimestamp.getAsLong();
        files.flush(leastPages);
        if (leastPages == 0 && storeTimestamp > 0) {
            checkpoint.setPhysicMsgTimestamp(storeTimestamp);
        }
    }

    @Override
    protected void onShutdown() {
        flush(0);
    }
}
