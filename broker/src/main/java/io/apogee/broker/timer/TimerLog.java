package io.apogee.broker.timer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Append-only log of index entries, 28 bytes each: due time 8, commit-log offset 8, size 4, and
 * the position of the previous entry of the same wheel slot 8 (-1 for none). A slot's entries are
 * a chain walked backwards from the slot's head, so the wheel stays a fixed size however many
 * messages wait. Writes reach the page cache at once, so a killed process loses nothing.
 *
 * <p>The log is split into segment files named by their first position; segments whose entries
 * can no longer be needed are deleted whole ({@link #deleteBefore}).
 */
final class TimerLog implements AutoCloseable {
    static final int ENTRY_SIZE = 28;
    static final long NONE = -1;

    /** An entry read back with the link to its predecessor. */
    record Linked(TimerEntry entry, long previous) {
    }

    private final Path dir;
    private final long segmentSize;
    private final TreeMap<Long, FileChannel> segments = new TreeMap<>();
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(ENTRY_SIZE);
    private final ByteBuffer readBuffer = ByteBuffer.allocate(ENTRY_SIZE);
    private long end;

    /** @param segmentEntries entries per segment file */
    TimerLog(Path dir, int segmentEntries) throws IOException {
        this.dir = dir;
        this.segmentSize = (long) segmentEntries * ENTRY_SIZE;
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{20}")).toList()) {
                segments.put(Long.parseLong(file.getFileName().toString()), open(file));
            }
        }
        if (segments.isEmpty()) {
            end = 0;
        } else {
            Map.Entry<Long, FileChannel> last = segments.lastEntry();
            long size = last.getValue().size();
            end = last.getKey() + size - size % ENTRY_SIZE;
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            long start = position - position % segmentSize;
            FileChannel segment = segments.get(start);
            if (segment == null) {
                segment = open(dir.resolve(String.format("%020d", start)));
                segments.put(start, segment);
            }
            while (writeBuffer.hasRemaining()) {
                segment.write(writeBuffer, position - start + writeBuffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the timer log", e);
        }
        end += ENTRY_SIZE;
        return position;
    }

    Linked read(long position) {
        Map.Entry<Long, FileChannel> segment = segments.floorEntry(position);
        if (segment == null || position - segment.getKey() >= segmentSize) {
            throw new IllegalStateException("timer log entry " + position + " was deleted");
        }
        readBuffer.clear();
        try {
            while (readBuffer.hasRemaining()) {
                if (segment.getValue().read(readBuffer, position - segment.getKey() + readBuffer.position()) < 0) {
                    throw new IOException("timer log ends before entry " + position);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the timer log", e);
        }
        readBuffer.flip();
        TimerEntry entry = new TimerEntry(readBuffer.getLong(), readBuffer.getLong(), readBuffer.getInt());
        return new Linked(entry, readBuffer.getLong());
    }

    /** Drops everything from {@code newEnd} on (entries written after the last checkpoint). */
    void truncate(long newEnd) throws IOException {
        while (!segments.isEmpty() && segments.lastKey() >= newEnd && segments.lastKey() > 0) {
            delete(segments.lastKey());
        }
        if (!segments.isEmpty()) {
            segments.lastEntry().getValue().truncate(newEnd - segments.lastKey());
        }
        end = newEnd;
    }

    /** Deletes the segments that lie entirely before {@code position}; the newest segment always stays. */
    void deleteBefore(long position) throws IOException {
        while (segments.size() > 1 && segments.firstKey() + segmentSize <= position) {
            delete(segments.firstKey());
        }
    }

    private void delete(long start) throws IOException {
        segments.remove(start).close();
        Files.deleteIfExists(dir.resolve(String.format("%020d", start)));
    }

    int segmentCount() {
        return segments.size();
    }

    void flush() throws IOException {
        for (FileChannel segment : segments.values()) {
            segment.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        for (FileChannel segment : segments.values()) {
            segment.close();
        }
    }
}
