package io.apogee.broker.timer;

/**
 * One waiting timer message in the index: when it is due (effective time, never before the time
 * asked for) and where its record is. Entries are delivered in (dueMs, commitLogOffset) order.
 */
record TimerEntry(long dueMs, long commitLogOffset, int size) implements Comparable<TimerEntry> {

    @Override
    public int compareTo(TimerEntry o) {
        int c = Long.compare(dueMs, o.dueMs);
        return c != 0 ? c : Long.compare(commitLogOffset, o.commitLogOffset);
    }

    long second() {
        return Math.floorDiv(dueMs, 1000);
    }

    boolean isAtOrBefore(long ms, long offset) {
        return dueMs < ms || (dueMs == ms && commitLogOffset <= offset);
    }
}
