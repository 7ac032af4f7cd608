package io.apogee.store.recovery;

import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import io.netty.util.internal.PlatformDependent;

/**
 * The checkpoint file: one page holding the store time of the newest message known to be on
 * disk in the commit log (offset 0), the consume queues (8) and the index (16). After a crash,
 * recovery starts from the commit-log file whose first message is older than all three.
 */
public final class StoreCheckpoint {
    private static final int SIZE = 4096;
    private static final long SAFETY_MARGIN_MILLIS = 3000;

    private final FileChannel channel;
    private final MappedByteBuffer buffer;
    private volatile long physicMsgTimestamp;
    private volatile long logicsMsgTimestamp;
    private volatile long indexMsgTimestamp;

    public StoreCheckpoint(File file) throws IOException {
        Files.createDirectories(file.getAbsoluteFile().getParentFile().toPath());
        boolean existed = file.exists();
        this.channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
        if (existed) {
            physicMsgTimestamp = buffer.getLong(0);
            logicsMsgTimestamp = buffer.getLong(8);
            indexMsgTimestamp = buffer.getLong(16);
        }
    }

    public long getPhysicMsgTimestamp() {
        return physicMsgTimestamp;
    }

    public void setPhysicMsgTimestamp(long timestamp) {
        this.physicMsgTimestamp = timestamp;
    }

    public long getLogicsMsgTimestamp() {
        return logicsMsgTimestamp;
    }

    public void setLogicsMsgTimestamp(long timestamp) {
        this.logicsMsgTimestamp = timestamp;
    }

    public long getIndexMsgTimestamp() {
        return indexMsgTimestamp;
    }

    public void setIndexMsgTimestamp(long timestamp) {
        this.indexMsgTimestamp = timestamp;
    }

    /**
     * The store time before which everything is known to be flushed and dispatched, minus a
     * margin for clock jitter between appending threads.
     */
    public long getMinTimestamp(boolean includeIndex) {
        long min = Math.min(physicMsgTimestamp, logicsMsgTimestamp);
        if (includeIndex) {
            min = Math.min(min, indexMsgTimestamp);
        }
        return Math.max(0, min - SAFETY_MARGIN_MILLIS);
    }

    public synchronized void flush() {
        buffer.putLong(0, physicMsgTimestamp);
        buffer.putLong(8, logicsMsgTimestamp);
        buffer.putLong(16, indexMsgTimestamp);
        buffer.force();
    }

    public synchronized void shutdown() {
        flush();
        PlatformDependent.freeDirectBuffer(buffer);
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do with a checkpoint we could not close
        }
    }
}
