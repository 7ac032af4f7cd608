package io.apogee.broker.timer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the timer engine has durably done, memory-mapped so every update costs a few stores yet
 * survives a killed process: how far the timer topic has been indexed (queue offset and timer-log
 * end) and the delivery watermark, the last (due time, commit-log offset) delivered — delivery runs
 * in that order, so everything at or before it is done. Two copies are written alternately with a
 * sequence number and a checksum, so a torn write leaves the previous copy valid.
 */
final class TimerCheckpoint implements AutoCloseable {
    private static final int RECORD_SIZE = 64;
    private static final long MAGIC = 0x54494d4552434b50L;

    /**
     * @param inFlightOffset commit-log offset of the message being delivered right now, -1 if none:
     *                       after a crash it may or may not have reached its topic, which is then looked up
     */
    record State(long indexedOffset, long logEnd, long watermarkMs, long watermarkOffset, long inFlightMs, long inFlightOffset) {
        State withWatermark(long ms, long offset) {
            return new State(indexedOffset, logEnd, ms, offset, -1, -1);
        }

        State withInFlight(TimerEntry entry) {
            return new State(indexedOffset, logEnd, watermarkMs, watermarkOffset, entry.dueMs(), entry.commitLogOffset());
        }

        State withIndexed(long offset, long end) {
            return new State(offset, end, watermarkMs, watermarkOffset, inFlightMs, inFlightOffset);
        }

        boolean isDelivered(TimerEntry entry) {
            return entry.isAtOrBefore(watermarkMs, watermarkOffset);
        }
    }

    private final FileChannel channel;
    private final MappedByteBuffer map;
    private long sequence;
    private State state;

    TimerCheckpoint(Path file, State initial) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.map = channel.map(FileChannel.MapMode.READ_WRITE, 0, 2L * RECORD_SIZE);
        State loaded = null;
        for (int copy = 0; copy < 2; copy++) {
            int at = copy * RECORD_SIZE;
            long seq = map.getLong(at);
            State s = new State(map.getLong(at + 8), map.getLong(at + 16), map.getLong(at + 24), map.getLong(at + 32),
                    map.getLong(at + 40), map.getLong(at + 48));
            if (seq > 0 && map.getLong(at + 56) == checksum(seq, s) && seq > sequence) {
                sequence = seq;
                loaded = s;
            }
        }
        this.state = loaded != null ? loaded : initial;
        if (loaded == null) {
            write(initial);
        }
    }

    State state() {
        return state;
    }

    void write(State s) {
        sequence++;
        int at = (int) (sequence % 2) * RECORD_SIZE;
        map.putLong(at + 8, s.indexedOffset()).putLong(at + 16, s.logEnd()).putLong(at + 24, s.watermarkMs())
                .putLong(at + 32, s.watermarkOffset()).putLong(at + 40, s.inFlightMs()).putLong(at + 48, s.inFlightOffset())
                .putLong(at + 56, checksum(sequence, s));
        map.putLong(at, sequence);
        state = s;
    }

    private static long checksum(long seq, State s) {
        long h = MAGIC ^ seq;
        for (long v : new long[] {s.indexedOffset(), s.logEnd(), s.watermarkMs(), s.watermarkOffset(), s.inFlightMs(),
            s.inFlightOffset()}) {
            h = h * 31 + v;
        }
        return h;
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
