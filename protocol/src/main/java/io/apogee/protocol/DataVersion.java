package io.apogee.protocol;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Version stamp of a broker's topic table (and other configs): a broker re-sends its full table on
 * every registration and the name server rebuilds queue data only when the stamp changed.
 * JSON: {@code {"counter":n,"stateVersion":n,"timestamp":ms}}; 4.9 peers omit stateVersion.
 */
public final class DataVersion {
    private long stateVersion;
    private long timestamp = System.currentTimeMillis();
    private AtomicLong counter = new AtomicLong();

    public DataVersion() {
    }

    public DataVersion(long timestamp, long counter) {
        this.timestamp = timestamp;
        this.counter = new AtomicLong(counter);
    }

    /** Marks a change: bumps the counter and restamps. */
    public void nextVersion() {
        timestamp = System.currentTimeMillis();
        counter.incrementAndGet();
    }

    /** Marks a change that also moves the state version (5.x brokers bump it on role changes). */
    public void nextVersion(long newStateVersion) {
        stateVersion = newStateVersion;
        nextVersion();
    }

    public void assignNewOne(DataVersion other) {
        stateVersion = other.stateVersion;
        timestamp = other.timestamp;
        counter = new AtomicLong(other.counter.get());
    }

    public DataVersion copy() {
        DataVersion copy = new DataVersion();
        copy.assignNewOne(this);
        return copy;
    }

    public long getStateVersion() {
        return stateVersion;
    }

    public void setStateVersion(long stateVersion) {
        this.stateVersion = stateVersion;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getCounter() {
        return counter.get();
    }

    public void setCounter(long value) {
        counter = new AtomicLong(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataVersion other && stateVersion == other.stateVersion
                && timestamp == other.timestamp && counter.get() == other.counter.get();
    }

    @Override
    public int hashCode() {
        return Objects.hash(stateVersion, timestamp, counter.get());
    }

    @Override
    public String toString() {
        return "DataVersion[stateVersion=" + stateVersion + ", timestamp=" + timestamp + ", counter=" + counter.get() + "]";
    }
}
