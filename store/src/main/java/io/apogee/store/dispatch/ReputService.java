package io.apogee.store.dispatch;

import io.apogee.common.message.MessageSysFlag;
import io.apogee.store.MessageArrivingListener;
import io.apogee.store.commitlog.CommitLog;
import io.apogee.store.file.ReadRegion;
import io.apogee.store.index.IndexService;
import io.apogee.store.queue.ConsumeQueue;
import io.apogee.store.queue.ConsumeQueueStore;
import io.apogee.store.util.ServiceThread;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher ("reput"): follows the commit log and, for each new record, appends the
 * consume-queue entry, indexes its keys and tells the listeners. Polls every millisecond so
 * that the put path never pays for waking it.
 */
public final class ReputService extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(ReputService.class);

    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final RecordParser parser;
    private final List<MessageArrivingListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long reputFromOffset;
    private volatile long lastDispatchedStoreTimestamp;

    /** {@code index} may be null when message indexing is disabled. */
    public ReputService(CommitLog commitLog, ConsumeQueueStore queues, IndexService index, RecordParser parser) {
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.parser = parser;
    }

    @Override
    protected String name() {
        return "apogee-reput";
    }

    public void addListener(MessageArrivingListener listener) {
        listeners.add(listener);
    }

    public long getReputFromOffset() {
        return reputFromOffset;
    }

    public void setReputFromOffset(long offset) {
        this.reputFromOffset = offset;
    }

    public long getLastDispatchedStoreTimestamp() {
        return lastDispatchedStoreTimestamp;
    }

    public long behindBytes() {
        return Math.max(0, commitLog.getMaxOffset() - reputFromOffset);
    }

    @Override
    protected void doWork() {
        if (!dispatchAvailable(Long.MAX_VALUE)) {
            waitForRunning(1);
        }
    }

    @Override
    protected void onShutdown() {
        dispatchAvailable(Long.MAX_VALUE);
    }

    /**
     * Dispatches readable records from the current offset up to {@code limit}; returns true if it
     * dispatched anything. Also used synchronously by recovery before the thread starts.
     */
    public boolean dispatchAvailable(long limit) {
        boolean any = false;
        while (reputFromOffset < Math.min(limit, commitLog.getMaxOffset()) && !Thread.currentThread().isInterrupted()) {
            if (reputFromOffset < commitLog.getMinOffset()) {
                LOG.warn("dispatch offset {} is below the commit-log minimum {}; skipping ahead",
                        reputFromOffset, commitLog.getMinOffset());
                reputFromOffset = commitLog.getMinOffset();
                continue;
            }
            try (ReadRegion region = commitLog.readFrom(reputFromOffset)) {
                if (region == null) {
                    break;
                }
                ByteBuffer buf = region.buffer();
                boolean progressed = false;
                while (buf.hasRemaining()) {
                    long offset = region.startOffset() + buf.position();
                    RecordParser.Result r = parser.parse(buf, offset, false);
                    if (r.kind() == RecordParser.Kind.MESSAGE) {
                        dispatch(r.request());
                        buf.position(buf.position() + r.size());
                        reputFromOffset = offset + r.size();
                        // after the offset: whoever reads this time then the offset sees the record below it
                        lastDispatchedStoreTimestamp = r.request().storeTimestamp();
                        progressed = true;
                        any = true;
                    } else if (r.kind() == RecordParser.Kind.END_OF_FILE) {
                        reputFromOffset = region.fileEndOffset();
                        progressed = true;
                        break;
                    } else if (r.kind() == RecordParser.Kind.CORRUPT) {
                        LOG.error("corrupt record at {} ({}); skipping to the next file", offset, r.problem());
                        reputFromOffset = region.fileEndOffset();
                        progressed = true;
                        break;
                    } else {
                        break;
                    }
                }
                if (!progressed) {
                    break;
                }
            }
        }
        return any;
    }

    private void dispatch(DispatchRequest req) {
        int txType = MessageSysFlag.getTransactionValue(req.sysFlag());
        boolean toQueue = txType == MessageSysFlag.TRANSACTION_NOT_TYPE
                || txType == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
        if (toQueue) {
            ConsumeQueue cq = queues.findOrCreate(req.topic(), req.queueId());
            if (!cq.putMessagePositionInfo(req.commitLogOffset(), req.msgSize(), req.tagsCode(),
                    req.consumeQueueOffset())) {
                LOG.error("message at {} not added to consume queue {}-{}", req.commitLogOffset(), req.topic(),
                        req.queueId());
            }
        }
        if (index != null && txType != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            index.buildIndex(req);
        }
        if (toQueue) {
            for (MessageArrivingListener l : listeners) {
                try {
                    l.arriving(req.topic(), req.queueId(), req.consumeQueueOffset() + 1, req.tagsCode(),
                            req.storeTimestamp(), req.properties());
                } catch (RuntimeException e) {
                    LOG.warn("dispatch listener failed", e);
                }
            }
        }
    }
}
