package io.apogee.store.recovery;

import java.util.ArrayDeque;

/**
 * Turns "everything below log offset X is on disk" into the store time a checkpoint may record.
 * Before each flush its service notes a mark (end offset, store time of the newest record below
 * it): every record stored by that time lies below that offset, because store times grow with
 * offsets. Once a flush has made everything below some offset durable, the newest mark at or
 * below that offset gives a store time up to which all records are durable.
 */
public final class FlushMarks {
    /** Marks waiting for a flush to reach them; the oldest go first when flushes stall. */
    private static final int CAPACITY = 64;

    private final ArrayDeque<long[]> marks = new ArrayDeque<>();

    /** Notes that every record stored by {@code storeTimestamp} lies below {@code endOffset}. */
    public synchronized void mark(long endOffset, long storeTimestamp) {
        if (storeTimestamp <= 0) {
            return;
        }
        long[] newest = marks.peekLast();
        if (newest != null && newest[0] >= endOffset) {
            newest[1] = Math.max(newest[1], storeTimestamp);
            return;
        }
        if (marks.size() == CAPACITY) {
            marks.pollFirst();
        }
        marks.addLast(new long[] {endOffset, storeTimestamp});
    }

    /**
     * The store time up to which records are durable now that everything below
     * {@code durableOffset} is, or 0 when no mark is covered yet. Covered marks are consumed.
     */
    public synchronized long durableUpTo(long durableOffset) {
        long timestamp = 0;
        while (!marks.isEmpty() && marks.peekFirst()[0] <= durableOffset) {
            timestamp = marks.pollFirst()[1];
        }
        return timestamp;
    }
}
