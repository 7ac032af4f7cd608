package io.apogee.broker.transaction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Transactions decided recently (by UNIQ_KEY). A producer may answer the same transaction twice
 * (its own END_TRANSACTION racing a check-back that re-queued the half message); the second
 * answer must not publish the message again. Such races span about one check interval, so a bounded
 * table (about 13 MB when full) is enough: the oldest decisions are forgotten first.
 */
final class RecentOutcomes {
    private static final int CAPACITY = 100_000;

    private final Map<String, Boolean> decided = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Records the decision; false when this transaction was already decided. */
    synchronized boolean decide(String transactionKey, boolean commit) {
        return decided.putIfAbsent(transactionKey, commit) == null;
    }

    synchronized void forget(String transactionKey) {
        decided.remove(transactionKey);
    }

    synchronized boolean isDecided(String transactionKey) {
        return decided.containsKey(transactionKey);
    }
}
