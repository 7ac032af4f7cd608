package io.apogee.store.commitlog;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.file.MappedFileQueue;
import io.apogee.store.util.ServiceThread;

/**
 * With the transient store pool: copies appended bytes from the off-heap write buffers into the
 * files every commitIntervalCommitLog ms, then wakes the flusher.
 */
final class CommitService extends ServiceThread {
    private final MappedFileQueue files;
    private final MessageStoreConfig config;
    private final ServiceThread flusher;
    private long lastThoroughCommit = System.currentTimeMillis();

    CommitService(MappedFileQueue files, MessageStoreConfig config, ServiceThread flusher) {
        this.files = files;
        this.config = config;
        this.flusher = flusher;
    }

    @Override
    protected String name() {
        return "apogee-commit-commitlog";
    }

    @Override
    protected void doWork() {
        waitForRunning(config.getCommitIntervalCommitLog());
        int leastPages = config.getCommitCommitLogLeastPages();
        long now = System.currentTimeMillis();
        if (now - lastThoroughCommit >= config.getCommitCommitLogThoroughInterval()) {
            lastThoroughCommit = now;
            leastPages = 0;
        }
        if (files.commit(leastPages)) {
            flusher.wakeup();
        }
    }

    @Override
    protected void onShutdown() {
        files.commit(0);
    }
}
