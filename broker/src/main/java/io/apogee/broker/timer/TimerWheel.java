package io.apogee.broker.timer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The wheel: one slot per second over a window of {@code slots} seconds, memory-mapped, 16 bytes
 * each: the second the slot currently holds and the position of the newest entry of its chain in
 * the {@link TimerLog} (stored + 1 so a zeroed file means "empty"). A slot is reused by the second
 * one window later; messages due beyond the window wait in the window's last slot and are linked
 * again when it comes up.
 */
final class TimerWheel implements AutoCloseable {
    private static final int SLOT_SIZE = 16;

    private final int slots;
    private final FileChannel channel;
    private final MappedByteBuffer map;

    TimerWheel(Path file, int slots) throws IOException {
        this.slots = slots;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.map = channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) slots * SLOT_SIZE);
    }

    int slots() {
        return slots;
    }

    /** Head of the chain of {@code second}, or {@link TimerLog#NONE} if the slot holds another second or nothing. */
    long head(long second) {
        int at = index(second);
        long stored = map.getLong(at);
        long head = map.getLong(at + 8) - 1;
        return stored == second ? head : TimerLog.NONE;
    }

    void setHead(long second, long position) {
        int at = index(second);
        map.putLong(at + 8, position + 1);
        map.putLong(at, second);
    }

    /**
     * After a crash, cuts every chain back to entries before {@code logEnd}: the log is about to be
     * truncated there, and entries written after the last checkpoint will be indexed again.
     */
    void cutChainsAt(long logEnd, java.util.function.LongUnaryOperator previousOf) {
        for (int i = 0; i < slots; i++) {
            int at = i * SLOT_SIZE;
            long head = map.getLong(at + 8) - 1;
            if (head >= logEnd) {
                while (head >= logEnd) {
                    head = previousOf.applyAsLong(head);
                }
                map.putLong(at + 8, head + 1);
            }
        }
    }

    private int index(long second) {
        return (int) Math.floorMod(second, (long) slots) * SLOT_SIZE;
    }

    /** Forgets every chain (the index is being rebuilt). */
    void clear() {
        for (int at = 0; at < slots * SLOT_SIZE; at += 8) {
            map.putLong(at, 0);
        }
    }

    void flush() {
        map.force();
    }

    @Override
    public void close() throws IOException {
        map.force();
        channel.close();
    }
}
