package io.apogee.broker.timer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Append-only file of index entries, 28 bytes each: due time 8, commit-log offset 8, size 4, and
 * the position of the previous entry of the same wheel slot 8 (-1 for none). A slot's entries are
 * a chain walked backwards from the slot's head, so the wheel stays a fixed size however many
 * messages wait. Writes reach the page cache at once, so a killed process loses nothing.
 */
final class TimerLog implements AutoCloseable {
    static final int ENTRY_SIZE = 28;
    static final long NONE = -1;

    /** An entry read back with the link to its predecessor. */
    record Linked(TimerEntry entry, long previous) {
    }

    private final FileChannel channel;
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(ENTRY_SIZE);
    private final ByteBuffer readBuffer = ByteBuffer.allocate(ENTRY_SIZE);
    private long end;

    TimerLog(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.end = channel.size() - channel.size() % ENTRY_SIZE;
    }

    long end() {
        return end;
    }

    /** Appends and returns the entry's position. */
    long append(TimerEntry entry, long previous) {
        writeBuffer.clear();
        writeBuffer.putLong(entry.dueMs()).putLong(entry.commitLogOffset()).putInt(entry.size()).putLong(previous).flip();
        long position = end;
        try {
            while (writeBuffer.hasRemaining()) {
                channel.write(writeBuffer, position + writeBuffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the timer log", e);
        }
        end += ENTRY_SIZE;
        return position;
    }

    Linked read(long position) {
        readBuffer.clear();
        try {
            while (readBuffer.hasRemaining()) {
                if (channel.read(readBuffer, position + readBuffer.position()) < 0) {
                    throw new IOException("timer log ends at " + channel.size() + ", entry at " + position);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the timer log", e);
        }
        readBuffer.flip();
        TimerEntry entry = new TimerEntry(readBuffer.getLong(), readBuffer.getLong(), readBuffer.getInt());
        return new Linked(entry, readBuffer.getLong());
    }

    /** Drops everything after {@code newEnd} (entries written after the last checkpoint). */
    void truncate(long newEnd) throws IOException {
        channel.truncate(newEnd);
        end = newEnd;
    }

    void flush() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
