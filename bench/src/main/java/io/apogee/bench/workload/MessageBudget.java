package io.apogee.bench.workload;

import java.util.concurrent.atomic.AtomicLong;

/** How many messages the sender threads may still send between them; claims never exceed the total. */
final class MessageBudget {
    private final AtomicLong left;

    /** @param total the number of messages, 0 for no limit */
    MessageBudget(long total) {
        this.left = total == 0 ? null : new AtomicLong(total);
    }

    /** Takes up to {@code wanted} messages and says how many were granted; 0 means the budget is spent. */
    int claim(int wanted) {
        if (left == null) {
            return wanted;
        }
        while (true) {
            long now = left.get();
            if (now <= 0) {
                return 0;
            }
            int granted = (int) Math.min(wanted, now);
            if (left.compareAndSet(now, now - granted)) {
                return granted;
            }
        }
    }
}
