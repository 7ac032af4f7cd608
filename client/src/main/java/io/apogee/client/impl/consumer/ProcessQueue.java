package io.apogee.client.impl.consumer;

import io.apogee.common.message.MessageExt;
import io.apogee.protocol.body.ProcessQueueInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages of one queue pulled but not yet consumed, ordered by queue offset. It tells the pull
 * loop when to slow down (count, bytes, offset span) and the offset store how far consumption got:
 * the smallest offset still cached, or one past the last message when nothing is.
 */
public final class ProcessQueue {
    /** A lock not renewed for this long is treated as lost. */
    static final long LOCK_EXPIRED_MILLIS = Long.getLong("rocketmq.client.rebalance.lockMaxLiveTime", 30_000);

    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Long, MessageExt> cached = new TreeMap<>();
    /** Orderly: messages handed to the listener and not yet committed. */
    private final TreeMap<Long, MessageExt> consumingOrderly = new TreeMap<>();
    /** Held by the orderly consumer while the listener runs, so an unlock never interrupts a batch. */
    private final ReentrantLock consumeLock = new ReentrantLock();
    private long cachedBytes;
    private long queueOffsetMax;
    /** Orderly: a consume task is scheduled or running for this queue. */
    private boolean consuming;
    private volatile boolean dropped;
    private volatile boolean locked;
    private volatile long lastLockTimestamp = System.currentTimeMillis();
    private volatile long lastPullTimestamp = System.currentTimeMillis();
    private volatile long lastConsumeTimestamp = System.currentTimeMillis();

    /** Adds pulled messages; true when an orderly consume task should be started for them. */
    public boolean putMessages(List<MessageExt> msgs) {
        lock.lock();
        try {
            for (MessageExt msg : msgs) {
                if (cached.putIfAbsent(msg.getQueueOffset(), msg) == null) {
                    cachedBytes += msg.getBody() == null ? 0 : msg.getBody().length;
                    queueOffsetMax = Math.max(queueOffsetMax, msg.getQueueOffset());
                }
            }
            boolean dispatch = !cached.isEmpty() && !consuming;
            if (dispatch) {
                consuming = true;
            }
            return dispatch;
        } finally {
            lock.unlock();
        }
    }

    /** Distance between the lowest and highest cached offsets. */
    public long maxSpan() {
        lock.lock();
        try {
            return cached.isEmpty() ? 0 : cached.lastKey() - cached.firstKey();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Concurrent: forgets consumed messages and returns the offset to commit, or -1 when nothing
     * was cached.
     */
    public long removeMessages(List<MessageExt> msgs) {
        lock.lock();
        try {
            if (cached.isEmpty()) {
                return -1;
            }
            for (MessageExt msg : msgs) {
                MessageExt removed = cached.remove(msg.getQueueOffset());
                if (removed != null) {
                    cachedBytes -= removed.getBody() == null ? 0 : removed.getBody().length;
                }
            }
            lastConsumeTimestamp = System.currentTimeMillis();
            return cached.isEmpty() ? queueOffsetMax + 1 : cached.firstKey();
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code n} cached messages with the lowest offsets, for the consume-timeout scan. */
    public List<MessageExt> oldestMessages(int n) {
        lock.lock();
        try {
            return cached.values().stream().limit(n).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Orderly: the next messages in offset order, moved to the "consuming" set; empty ends the consume task. */
    public List<MessageExt> takeMessages(int batchSize) {
        lock.lock();
        try {
            List<MessageExt> taken = new ArrayList<>(batchSize);
            while (taken.size() < batchSize && !cached.isEmpty()) {
                var entry = cached.pollFirstEntry();
                consumingOrderly.put(entry.getKey(), entry.getValue());
                taken.add(entry.getValue());
            }
            if (taken.isEmpty()) {
                consuming = false;
            }
            lastConsumeTimestamp = System.currentTimeMillis();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Orderly: the taken messages are done; returns the offset to commit, or -1 when nothing was taken. */
    public long commit() {
        lock.lock();
        try {
            if (consumingOrderly.isEmpty()) {
                return -1;
            }
            long next = consumingOrderly.lastKey() + 1;
            for (MessageExt msg : consumingOrderly.values()) {
                cachedBytes -= msg.getBody() == null ? 0 : msg.getBody().length;
            }
            consumingOrderly.clear();
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Orderly: puts taken messages back so the next take returns them again, in order. */
    public void makeMessagesToConsumeAgain(List<MessageExt> msgs) {
        lock.lock();
        try {
            for (MessageExt msg : msgs) {
                consumingOrderly.remove(msg.getQueueOffset());
                cached.put(msg.getQueueOffset(), msg);
            }
        } finally {
            lock.unlock();
        }
    }

    public int cachedCount() {
        lock.lock();
        try {
            return cached.size() + consumingOrderly.size();
        } finally {
            lock.unlock();
        }
    }

    public long cachedBytes() {
        lock.lock();
        try {
            return cachedBytes;
        } finally {
            lock.unlock();
        }
    }

    public ReentrantLock consumeLock() {
        return consumeLock;
    }

    public boolean isDropped() {
        return dropped;
    }

    public void setDropped(boolean dropped) {
        this.dropped = dropped;
    }

    public boolean isLocked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public boolean isLockExpired() {
        return System.currentTimeMillis() - lastLockTimestamp > LOCK_EXPIRED_MILLIS;
    }

    public void setLastLockTimestamp(long lastLockTimestamp) {
        this.lastLockTimestamp = lastLockTimestamp;
    }

    public void setLastPullTimestamp(long lastPullTimestamp) {
        this.lastPullTimestamp = lastPullTimestamp;
    }

    public ProcessQueueInfo toInfo(long commitOffset) {
        lock.lock();
        try {
            ProcessQueueInfo info = new ProcessQueueInfo();
            info.setCommitOffset(commitOffset);
            info.setCachedMsgCount(cached.size());
            info.setCachedMsgSizeInMiB((int) (cachedBytes / (1024 * 1024)));
            if (!cached.isEmpty()) {
                info.setCachedMsgMinOffset(cached.firstKey());
                info.setCachedMsgMaxOffset(cached.lastKey());
            }
            info.setLocked(locked);
            info.setLastLockTimestamp(lastLockTimestamp);
            info.setDroped(dropped);
            info.setLastPullTimestamp(lastPullTimestamp);
            info.setLastConsumeTimestamp(lastConsumeTimestamp);
            return info;
        } finally {
            lock.unlock();
        }
    }
}
