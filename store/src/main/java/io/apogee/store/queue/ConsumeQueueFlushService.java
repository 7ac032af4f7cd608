package io.apogee.store.queue;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.dispatch.ReputService;
import io.apogee.store.index.IndexService;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.util.ServiceThread;

/**
 * Flushes consume queues every flushIntervalConsumeQueue ms. On a thorough flush (everything,
 * every flushConsumeQueueThoroughInterval ms) the index is flushed too and the checkpoint
 * records the store time up to which queues and index are durable.
 */
public final class ConsumeQueueFlushService extends ServiceThread {
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final ReputService reput;
    private final StoreCheckpoint checkpoint;
    private final MessageStoreConfig config;
    private long lastThoroughFlush = System.currentTimeMillis();

    public ConsumeQueueFlushService(ConsumeQueueStore queues, IndexService index, ReputService reput,
                                    StoreCheckpoint checkpoint, MessageStoreConfig config) {
        this.queues = queues;
        this.index = index;
        this.reput = reput;
        this.checkpoint = checkpoint;
        this.config = config;
    }

    @Override
    protected String name() {
        return "apogee-flush-consumequeue";
    }

    @Override
    protected void doWork() {
        waitForRunning(config.getFlushIntervalConsumeQueue());
        long now = System.currentTimeMillis();
        boolean thorough = now - lastThoroughFlush >= config.getFlushConsumeQueueThoroughInterval();
        if (thorough) {
            lastThoroughFlush = now;
        }
        flush(thorough);
    }

    /** Flushes; when {@code thorough}, everything plus the index and the checkpoint. */
    public void flush(boolean thorough) {
        long dispatchedUpTo = reput.getLastDispatchedStoreTimestamp();
        queues.flush(thorough ? 0 : config.getFlushConsumeQueueLeastPages());
        if (thorough) {
            if (index != null) {
                index.flushLast();
                checkpoint.setIndexMsgTimestamp(dispatchedUpTo);
            }
            if (dispatchedUpTo > 0) {
                checkpoint.setLogicsMsgTimestamp(dispatchedUpTo);
            }
            checkpoint.flush();
        }
    }

    @Override
    protected void onShutdown() {
        flush(true);
    }
}
