package io.apogee.store.queue;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.dispatch.ReputService;
import io.apogee.store.index.IndexService;
import io.apogee.store.recovery.FlushMarks;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.util.ServiceThread;

/**
 * Flushes consume queues every flushIntervalConsumeQueue ms, those with at least
 * flushConsumeQueueLeastPages pages waiting, and all of them on a thorough flush (every
 * flushConsumeQueueThoroughInterval ms). Each round also flushes the index and writes the
 * checkpoint with the store time up to which queues and index are durable, so that crash
 * recovery starts close to the end of the commit log.
 */
public final class ConsumeQueueFlushService extends ServiceThread {
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final ReputService reput;
    private final StoreCheckpoint checkpoint;
    private final MessageStoreConfig config;
    private final FlushMarks marks = new FlushMarks();
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

    /** Flushes; when {@code thorough}, every queue whatever it has waiting. */
    public void flush(boolean thorough) {
        // the time first: the dispatcher moves its offset past a record before publishing its time
        long dispatchedUpTo = reput.getLastDispatchedStoreTimestamp();
        marks.mark(reput.getReputFromOffset(), dispatchedUpTo);
        queues.flush(thorough ? 0 : config.getFlushConsumeQueueLeastPages());
        if (index != null) {
            // only the pages dirtied since the last round reach the disk
            index.flushLast();
            if (dispatchedUpTo > 0) {
                checkpoint.setIndexMsgTimestamp(dispatchedUpTo);
            }
        }
        long durable = marks.durableUpTo(queues.firstUnflushedPhysOffset());
        if (durable > 0) {
            checkpoint.setLogicsMsgTimestamp(durable);
        }
        checkpoint.flush();
    }

    @Override
    protected void onShutdown() {
        flush(true);
    }
}
