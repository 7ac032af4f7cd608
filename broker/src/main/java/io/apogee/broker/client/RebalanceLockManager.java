package io.apogee.broker.client;

import io.apogee.common.message.MessageQueue;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Queue ownership for orderly consumers: (group, queue) is locked by one client id until it unlocks
 * or stops renewing for longer than the lock lifetime (clients renew every 20 s).
 */
public class RebalanceLockManager {
    private final long lockMaxLiveTime;
    private final ConcurrentMap<String, Map<MessageQueue, LockEntry>> locks = new ConcurrentHashMap<>();

    public RebalanceLockManager(long lockMaxLiveTime) {
        this.lockMaxLiveTime = lockMaxLiveTime;
    }

    private record LockEntry(String clientId, long lastUpdate) {
    }

    /** Locks or renews every queue that is free, expired or already held by the caller; returns those now held by it. */
    public Set<MessageQueue> tryLockBatch(String group, Set<MessageQueue> queues, String clientId) {
        long now = System.currentTimeMillis();
        Set<MessageQueue> granted = new HashSet<>();
        Map<MessageQueue, LockEntry> groupLocks = locks.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        synchronized (groupLocks) {
            for (MessageQueue mq : queues) {
                LockEntry entry = groupLocks.get(mq);
                if (entry == null || entry.clientId().equals(clientId) || now - entry.lastUpdate() > lockMaxLiveTime) {
                    groupLocks.put(mq, new LockEntry(clientId, now));
                    granted.add(mq);
                }
            }
        }
        return granted;
    }

    /** Releases the queues the caller holds; locks held by others stay. */
    public void unlockBatch(String group, Set<MessageQueue> queues, String clientId) {
        Map<MessageQueue, LockEntry> groupLocks = locks.get(group);
        if (groupLocks == null) {
            return;
        }
        synchronized (groupLocks) {
            for (MessageQueue mq : queues) {
                LockEntry entry = groupLocks.get(mq);
                if (entry != null && entry.clientId().equals(clientId)) {
                    groupLocks.remove(mq);
                }
            }
        }
    }

    /** True when some client holds an unexpired lock in the group. */
    public boolean hasLiveLocks(String group) {
        Map<MessageQueue, LockEntry> groupLocks = locks.get(group);
        if (groupLocks == null) {
            return false;
        }
        long now = System.currentTimeMillis();
        synchronized (groupLocks) {
            return groupLocks.values().stream().anyMatch(entry -> now - entry.lastUpdate() <= lockMaxLiveTime);
        }
    }
}
