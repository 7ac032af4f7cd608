package io.apogee.broker.schedule;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.remoting.netty.NamedThreadFactory;
import io.apogee.store.GetMessageResult;
import io.apogee.store.MessageFilter;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;
import io.apogee.store.StoredRecords;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers delay-level messages. Every level has its own queue in SCHEDULE_TOPIC_XXXX, and since
 * all messages of a level wait the same time, each queue is already in delivery order: a level only
 * ever looks at its head. When the head is due it is stored again under its real topic and queue;
 * when it is not, the level sleeps exactly until it is. Progress per level is persisted
 * periodically and on shutdown (delivery is at least once across a crash).
 */
public final class ScheduleMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleMessageService.class);
    private static final String GROUP = "SCHEDULE_CONSUMER";
    private static final long IDLE_MILLIS = 100;
    private static final long RETRY_MILLIS = 1_000;
    private static final int BATCH = 32;

    private final MessageStore store;
    private final DelayLevels levels;
    private final DelayOffsetTable offsets;
    private final long persistIntervalMillis;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("ScheduleMessageService"));
    private volatile boolean running;

    public ScheduleMessageService(MessageStore store, DelayLevels levels, DelayOffsetTable offsets, long persistIntervalMillis) {
        this.store = store;
        this.levels = levels;
        this.offsets = offsets;
        this.persistIntervalMillis = persistIntervalMillis;
    }

    public void start() {
        offsets.load();
        running = true;
        for (int level = 1; level <= levels.maxLevel(); level++) {
            schedule(level, 0);
        }
        executor.scheduleWithFixedDelay(this::persist, persistIntervalMillis, persistIntervalMillis, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        running = false;
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        persist();
    }

    private void persist() {
        try {
            offsets.persist();
        } catch (RuntimeException e) {
            LOG.error("cannot persist delay offsets", e);
        }
    }

    private void schedule(int level, long delayMillis) {
        if (!running) {
            return;
        }
        try {
            executor.schedule(() -> schedule(level, deliver(level)), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Delivers what is due on one level; returns how long to wait before looking again. */
    long deliver(int level) {
        try {
            return deliverDue(level);
        } catch (RuntimeException e) {
            LOG.error("delay level {} delivery failed, retrying", level, e);
            return RETRY_MILLIS;
        }
    }

    private long deliverDue(int level) {
        int queueId = level - 1;
        long delay = levels.delayMillis(level);
        while (running) {
            long offset = offsets.get(level);
            long min = store.getMinOffsetInQueue(DelayLevelRedirect.SCHEDULE_TOPIC, queueId);
            long max = store.getMaxOffsetInQueue(DelayLevelRedirect.SCHEDULE_TOPIC, queueId);
            if (offset < min || offset > max) {
                LOG.warn("delay level {} offset {} outside [{}, {}], corrected", level, offset, min, max);
                offset = offset < min ? min : max;
                offsets.set(level, offset);
            }
            if (offset >= max) {
                return IDLE_MILLIS;
            }
            GetMessageResult result = store.getMessage(GROUP, DelayLevelRedirect.SCHEDULE_TOPIC, queueId, offset, BATCH,
                    Integer.MAX_VALUE, MessageFilter.ALL);
            try {
                List<ByteBuf> records = result.getMessageBufferList();
                if (records.isEmpty()) {
                    offsets.set(level, Math.max(offset, result.getNextBeginOffset()));
                    continue;
                }
                for (int i = 0; i < records.size(); i++) {
                    ByteBuffer record = records.get(i).nioBuffer();
                    long wait = StoredRecords.storeTimestamp(record) + delay - System.currentTimeMillis();
                    if (wait > 0) {
                        return wait;
                    }
                    if (!redeliver(record)) {
                        return RETRY_MILLIS;
                    }
                    offsets.set(level, result.getMessageQueueOffset().get(i) + 1);
                }
            } finally {
                result.release();
            }
        }
        return IDLE_MILLIS;
    }

    private boolean redeliver(ByteBuffer record) {
        MessageExt scheduled = MessageCodec.decode(record.duplicate(), true, false);
        MessageExtBrokerInner msg = scheduled == null ? null : restore(scheduled);
        if (msg == null) {
            // Retrying cannot fix a record without a destination; holding the level back would block it forever.
            LOG.error("record at {} in {} has no readable real topic/queue, skipped", StoredRecords.physicalOffset(record),
                    DelayLevelRedirect.SCHEDULE_TOPIC);
            return true;
        }
        PutMessageResult put = store.putMessage(msg).join();
        if (!put.isOk()) {
            LOG.warn("re-delivery of delayed message to {} failed: {}", msg.getTopic(), put);
        }
        return put.isOk();
    }

    /** The message as it was meant to be stored, minus the delay; null when it does not say where that is. */
    static MessageExtBrokerInner restore(MessageExt scheduled) {
        MessageExtBrokerInner msg = StoredMessages.copyOf(scheduled);
        if (!StoredMessages.restoreRealDestination(msg)) {
            return null;
        }
        msg.clearProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        msg.setWaitStoreMsgOK(false);
        StoredMessages.seal(msg);
        return msg;
    }
}
