package io.apogee.broker.timer;

import io.apogee.broker.schedule.StoredMessages;
import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.GetMessageResult;
import io.apogee.store.MessageFilter;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;
import io.apogee.store.QueryMessageResult;
import io.apogee.store.StoredRecords;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers timer messages at their due time, to the millisecond, however far ahead (up to the
 * maximum delay) and however many wait, keeping in memory only those due within the next second.
 *
 * <p>The messages themselves stay in rmq_sys_wheel_timer. One engine thread (a single writer: no
 * locks) loops over three steps: index new timer-topic messages into the on-disk wheel (a slot per
 * second, chains in the {@link TimerLog}); load each second's slot into a heap a little before that
 * second starts; store every due message again under its real topic and queue, in (due time,
 * commit-log offset) order, moving the delivery watermark in the {@link TimerCheckpoint} after each.
 *
 * <p>After a crash the log is cut back to the last checkpoint, the timer topic is indexed again
 * from there and slots are reloaded from the watermark's second; entries at or before the
 * watermark are skipped, and the one message that was being delivered is looked up in its topic.
 * A message is therefore never early, never lost, and delivered once.
 */
public final class TimerMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(TimerMessageService.class);
    private static final String GROUP = "TIMER_CONSUMER";
    private static final int BATCH = 64;
    private static final long MAX_PARK_MILLIS = 100;
    private static final long RETRY_MILLIS = 100;
    private static final int SEGMENT_ENTRIES = 2_000_000;
    /** How often the log end is sampled to learn which old log segments may go. */
    private static final long SAMPLE_MILLIS = 60_000;

    private final MessageStore store;
    private final Path dir;
    private final int wheelSlots;
    private final long lookaheadMillis;
    private final PriorityQueue<TimerEntry> due = new PriorityQueue<>();
    /** (time, log end) pairs, oldest first: the log end as it was at that time. */
    private final ArrayDeque<long[]> logEndSamples = new ArrayDeque<>();
    private TimerLog log;
    private TimerWheel wheel;
    private TimerCheckpoint checkpoint;
    private long loadedUpTo;
    private TimerEntry lastDelivered;
    private long retryAt;
    /** While rebuilding a lost index: timer-topic offsets below this that are due by the watermark were delivered. */
    private long rebuildUntilOffset = -1;
    private long lastFlush;
    private volatile long delivered;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param wheelSlots      window in seconds with a slot of its own (messages further out are linked again later)
     * @param lookaheadMillis how long before a second starts its slot is loaded
     */
    public TimerMessageService(MessageStore store, Path dir, int wheelSlots, long lookaheadMillis) {
        this.store = store;
        this.dir = dir;
        this.wheelSlots = wheelSlots;
        this.lookaheadMillis = lookaheadMillis;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(dir);
            log = new TimerLog(dir.resolve("timerlog"), SEGMENT_ENTRIES);
            wheel = new TimerWheel(dir.resolve("timerwheel"), wheelSlots);
            long now = System.currentTimeMillis();
            checkpoint = new TimerCheckpoint(dir.resolve("timercheck"),
                    new TimerCheckpoint.State(store.getMinOffsetInQueue(TimerRedirect.TIMER_TOPIC, 0), 0, now, Long.MAX_VALUE, -1, -1));
            recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the timer files in " + dir, e);
        }
        running = true;
        thread = new Thread(this::run, "TimerMessageService");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            log.flush();
            log.close();
            wheel.close();
            checkpoint.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("cannot close the timer files", e);
        }
    }

    /** Stops the engine thread the way a killed process would: nothing flushed, nothing closed (crash tests). */
    synchronized void halt() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }

    /** Wakes the engine when a timer message was stored, so a short timer is indexed at once. */
    public void onArrival(String topic) {
        if (TimerRedirect.TIMER_TOPIC.equals(topic) && thread != null) {
            LockSupport.unpark(thread);
        }
    }

    public long deliveredCount() {
        return delivered;
    }

    private void recover() throws IOException {
        TimerCheckpoint.State state = checkpoint.state();
        if (state.logEnd() > log.end()) {
            state = rebuildIndex(state);
        }
        wheel.cutChainsAt(state.logEnd(), position -> log.read(position).previous());
        log.truncate(state.logEnd());
        if (state.inFlightOffset() >= 0) {
            TimerEntry inFlight = new TimerEntry(state.inFlightMs(), state.inFlightOffset(), 0);
            if (reachedItsTopic(inFlight)) {
                state = state.withWatermark(inFlight.dueMs(), inFlight.commitLogOffset());
                LOG.info("timer message at {} was delivered just before the crash", inFlight.commitLogOffset());
            } else {
                state = state.withWatermark(state.watermarkMs(), state.watermarkOffset());
            }
            checkpoint.write(state);
        }
        loadedUpTo = Math.floorDiv(state.watermarkMs(), 1000);
        long nowSecond = Math.floorDiv(System.currentTimeMillis(), 1000);
        // Down for longer than the window: older slots have been reused, start within the window.
        loadedUpTo = Math.max(loadedUpTo, nowSecond - wheelSlots + 2);
    }

    /**
     * The checkpoint names log entries the log does not have: writes were lost (a power failure
     * between flushes). The wheel is derived data, so it is rebuilt from the timer topic; messages
     * due by the watermark count as delivered, the rest are indexed again.
     */
    private TimerCheckpoint.State rebuildIndex(TimerCheckpoint.State lost) throws IOException {
        LOG.warn("timer index ends at {} but its checkpoint says {}: rebuilding it from {}", log.end(), lost.logEnd(),
                TimerRedirect.TIMER_TOPIC);
        wheel.clear();
        log.truncate(0);
        rebuildUntilOffset = store.getMaxOffsetInQueue(TimerRedirect.TIMER_TOPIC, 0);
        TimerCheckpoint.State state = new TimerCheckpoint.State(store.getMinOffsetInQueue(TimerRedirect.TIMER_TOPIC, 0), 0,
                lost.watermarkMs(), lost.watermarkOffset(), -1, -1);
        checkpoint.write(state);
        return state;
    }

    /** Whether a copy of this timer message is already in its real topic (looked up by its unique key). */
    private boolean reachedItsTopic(TimerEntry entry) {
        MessageExt msg = StoredMessages.read(store, entry.commitLogOffset());
        String key = msg == null ? null : msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        String topic = msg == null ? null : msg.getProperty(MessageConst.PROPERTY_REAL_TOPIC);
        if (key == null || topic == null) {
            return false;
        }
        QueryMessageResult found = store.queryMessage(topic, key, 32, msg.getStoreTimestamp(), Long.MAX_VALUE);
        try {
            return !found.getMessageBufferList().isEmpty();
        } finally {
            found.release();
        }
    }

    private void run() {
        while (running) {
            try {
                long now = System.currentTimeMillis();
                indexNew();
                loadSlots(now);
                deliverDue();
                advanceWatermark(System.currentTimeMillis());
                dropObsoleteLog(System.currentTimeMillis());
                flushPeriodically(System.currentTimeMillis());
                park(System.currentTimeMillis());
            } catch (RuntimeException e) {
                LOG.error("timer engine step failed, retrying", e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
            }
        }
    }

    private void indexNew() {
        long offset = checkpoint.state().indexedOffset();
        long end = store.getMaxOffsetInQueue(TimerRedirect.TIMER_TOPIC, 0);
        while (offset < end && running) {
            GetMessageResult result = store.getMessage(GROUP, TimerRedirect.TIMER_TOPIC, 0, offset, BATCH, Integer.MAX_VALUE,
                    MessageFilter.ALL);
            try {
                if (result.getMessageCount() == 0) {
                    offset = Math.max(offset + 1, result.getNextBeginOffset());
                }
                for (int i = 0; i < result.getMessageCount(); i++) {
                    long queueOffset = result.getMessageQueueOffset().get(i);
                    TimerEntry entry = entryOf(result.getMessageBufferList().get(i).nioBuffer(), queueOffset);
                    if (entry != null) {
                        link(entry);
                    }
                    offset = queueOffset + 1;
                }
            } finally {
                result.release();
            }
            checkpoint.write(checkpoint.state().withIndexed(offset, log.end()));
        }
    }

    /**
     * The index entry of a stored timer message: due no earlier than asked and always after the
     * watermark; null for one already delivered before an index rebuild.
     */
    private TimerEntry entryOf(ByteBuffer record, long queueOffset) {
        long dueMs;
        try {
            dueMs = Long.parseLong(StoredRecords.properties(record).getOrDefault(MessageConst.PROPERTY_TIMER_OUT_MS, "0"));
        } catch (NumberFormatException e) {
            dueMs = 0;
        }
        TimerCheckpoint.State state = checkpoint.state();
        if (queueOffset < rebuildUntilOffset && dueMs <= state.watermarkMs()) {
            return null;
        }
        long effective = Math.max(dueMs, state.watermarkMs() + 1);
        return new TimerEntry(effective, StoredRecords.physicalOffset(record), StoredRecords.totalSize(record));
    }

    /** Files an entry in its second's slot (or the window's last slot if further out); loaded seconds also get it in memory. */
    private void link(TimerEntry entry) {
        long second = entry.second();
        long lastSlotSecond = Math.floorDiv(checkpoint.state().watermarkMs(), 1000) + wheelSlots - 1;
        long slotSecond = Math.min(second, lastSlotSecond);
        long position = log.append(entry, wheel.head(slotSecond));
        wheel.setHead(slotSecond, position);
        if (second < loadedUpTo) {
            due.add(entry);
        }
    }

    private void loadSlots(long now) {
        while ((loadedUpTo * 1000) - lookaheadMillis <= now && running) {
            long second = loadedUpTo;
            List<TimerEntry> chain = new ArrayList<>();
            for (long position = wheel.head(second); position != TimerLog.NONE; ) {
                TimerLog.Linked linked = log.read(position);
                chain.add(linked.entry());
                position = linked.previous();
            }
            loadedUpTo = second + 1;
            TimerCheckpoint.State state = checkpoint.state();
            for (TimerEntry entry : chain) {
                if (state.isDelivered(entry)) {
                    continue;
                }
                if (entry.second() > second) {
                    link(entry);
                } else {
                    due.add(entry);
                }
            }
            if (!chain.isEmpty()) {
                checkpoint.write(checkpoint.state().withIndexed(checkpoint.state().indexedOffset(), log.end()));
            }
        }
    }

    private void deliverDue() {
        while (!due.isEmpty() && running && System.currentTimeMillis() >= retryAt) {
            TimerEntry next = due.peek();
            if (next.dueMs() > System.currentTimeMillis()) {
                return;
            }
            due.poll();
            if (next.equals(lastDelivered) || checkpoint.state().isDelivered(next)) {
                continue;
            }
            checkpoint.write(checkpoint.state().withInFlight(next));
            if (!deliver(next)) {
                due.add(next);
                retryAt = System.currentTimeMillis() + RETRY_MILLIS;
                return;
            }
            lastDelivered = next;
            checkpoint.write(checkpoint.state().withWatermark(next.dueMs(), next.commitLogOffset()));
            delivered++;
        }
    }

    private boolean deliver(TimerEntry entry) {
        MessageExt waiting = StoredMessages.read(store, entry.commitLogOffset());
        if (waiting == null) {
            LOG.error("timer message at {} is gone from the commit log, skipped", entry.commitLogOffset());
            return true;
        }
        MessageExtBrokerInner msg = StoredMessages.copyOf(waiting);
        if (!StoredMessages.restoreRealDestination(msg)) {
            LOG.error("timer message at {} has no real topic/queue, skipped", entry.commitLogOffset());
            return true;
        }
        msg.clearProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS);
        msg.clearProperty(MessageConst.PROPERTY_TIMER_DELAY_MS);
        msg.clearProperty(MessageConst.PROPERTY_TIMER_DELAY_SEC);
        msg.putProperty(MessageConst.PROPERTY_TIMER_DEQUEUE_MS, String.valueOf(System.currentTimeMillis()));
        msg.setWaitStoreMsgOK(false);
        StoredMessages.seal(msg);
        PutMessageResult result = store.putMessage(msg).join();
        if (!result.isOk()) {
            LOG.warn("timer delivery to {} failed, will retry: {}", msg.getTopic(), result);
        }
        return result.isOk();
    }

    /**
     * With nothing due before {@code bound}, everything before it is delivered: moving the
     * watermark there keeps the wheel's window (and an immediate timer's effective time) current.
     */
    private void advanceWatermark(long now) {
        long bound = Math.min(now, loadedUpTo * 1000);
        if (!due.isEmpty()) {
            bound = Math.min(bound, due.peek().dueMs());
        }
        TimerCheckpoint.State state = checkpoint.state();
        if (bound - 1 > state.watermarkMs() && state.inFlightOffset() < 0) {
            checkpoint.write(state.withWatermark(bound - 1, Long.MAX_VALUE));
        }
    }

    /**
     * An entry is linked at most one window before it is loaded (later ones wait in the window's last
     * slot and are linked again), so everything appended more than a window (plus a minute of slack)
     * before the watermark has been delivered or re-linked: those log segments can go.
     */
    private void dropObsoleteLog(long now) {
        if (logEndSamples.isEmpty() || now - logEndSamples.peekLast()[0] >= SAMPLE_MILLIS) {
            logEndSamples.addLast(new long[] {now, log.end()});
        }
        long horizon = checkpoint.state().watermarkMs() - wheelSlots * 1000L - SAMPLE_MILLIS;
        long obsoleteEnd = -1;
        while (!logEndSamples.isEmpty() && logEndSamples.peekFirst()[0] < horizon) {
            obsoleteEnd = logEndSamples.pollFirst()[1];
        }
        if (obsoleteEnd > 0) {
            try {
                log.deleteBefore(obsoleteEnd);
            } catch (IOException e) {
                LOG.warn("cannot delete old timer log segments", e);
            }
        }
    }

    /**
     * The files live in the page cache, which a killed process keeps; flushing each second bounds
     * what a power failure can take (recovery then rebuilds the index, see {@link #rebuildIndex}).
     */
    private void flushPeriodically(long now) {
        if (now - lastFlush < 1_000) {
            return;
        }
        lastFlush = now;
        try {
            log.flush();
            wheel.flush();
            checkpoint.flush();
        } catch (IOException e) {
            LOG.warn("cannot flush the timer files", e);
        }
    }

    private void park(long now) {
        long wait = Math.min(MAX_PARK_MILLIS, loadedUpTo * 1000 - lookaheadMillis - now);
        if (!due.isEmpty()) {
            wait = Math.min(wait, Math.max(retryAt, due.peek().dueMs()) - now);
        }
        if (wait > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
        }
    }
}
