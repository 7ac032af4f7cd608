package io.apogee.store.index;

import io.apogee.store.file.MappedFile;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A hash index from message key to commit-log offset (message.md §11): a 40-byte header, a slot
 * table holding the newest entry number per hash slot, then 20-byte entries chained to the
 * previous entry of the same slot. Entry numbers start at 1; 0 means empty.
 * Written by the dispatch thread only; queries read concurrently.
 */
public final class IndexFile {
    static final int HEADER_SIZE = 40;
    static final int SLOT_SIZE = 4;
    static final int ENTRY_SIZE = 20;
    private static final int BEGIN_TIMESTAMP = 0;
    private static final int END_TIMESTAMP = 8;
    private static final int BEGIN_PHY_OFFSET = 16;
    private static final int END_PHY_OFFSET = 24;
    private static final int HASH_SLOT_COUNT = 32;
    private static final int INDEX_COUNT = 36;

    private final MappedFile file;
    private final ByteBuffer buf;
    private final int slotNum;
    private final int indexNum;

    /** Opens or creates {@code path}. */
    public IndexFile(File path, int slotNum, int indexNum) throws IOException {
        this.slotNum = slotNum;
        this.indexNum = indexNum;
        long size = fileSize(slotNum, indexNum);
        if (size > Integer.MAX_VALUE) {
            throw new IOException("index file of " + size + " bytes is too big to map");
        }
        // Named by creation time, which the mapped file reads as its (unused) start offset.
        this.file = new MappedFile(path, (int) size);
        this.file.setPositions(file.getFileSize());
        this.buf = file.writeView();
        if (buf.getInt(INDEX_COUNT) < 1) {
            buf.putInt(INDEX_COUNT, 1);
        }
    }

    public static long fileSize(int slotNum, int indexNum) {
        return HEADER_SIZE + (long) slotNum * SLOT_SIZE + (long) indexNum * ENTRY_SIZE;
    }

    public File getPath() {
        return file.getFile();
    }

    public boolean isFull() {
        return buf.getInt(INDEX_COUNT) >= indexNum;
    }

    public long getBeginTimestamp() {
        return buf.getLong(BEGIN_TIMESTAMP);
    }

    public long getEndTimestamp() {
        return buf.getLong(END_TIMESTAMP);
    }

    public long getEndPhyOffset() {
        return buf.getLong(END_PHY_OFFSET);
    }

    /** True once a key was added. */
    public boolean hasEntries() {
        return buf.getInt(INDEX_COUNT) > 1;
    }

    /**
     * Recovery: messages appended from {@code commitLogMaxOffset} on must be indexed again even
     * though older entries point that far (queries verify every hit against the record).
     */
    public void capEndPhyOffset(long commitLogMaxOffset) {
        if (getEndPhyOffset() >= commitLogMaxOffset) {
            buf.putLong(END_PHY_OFFSET, commitLogMaxOffset - 1);
        }
    }

    static int keyHash(String key) {
        int h = key.hashCode();
        return h == Integer.MIN_VALUE ? 0 : Math.abs(h);
    }

    /** Adds one key; returns false when the file is full (or already destroyed). */
    public boolean putKey(String key, long phyOffset, long storeTimestamp) {
        if (!file.hold()) {
            return false;
        }
        try {
            return put(key, phyOffset, storeTimestamp);
        } finally {
            file.release();
        }
    }

    private boolean put(String key, long phyOffset, long storeTimestamp) {
        int count = buf.getInt(INDEX_COUNT);
        if (count >= indexNum) {
            return false;
        }
        int hash = keyHash(key);
        int slotPos = HEADER_SIZE + (hash % slotNum) * SLOT_SIZE;
        int previous = buf.getInt(slotPos);
        if (previous <= 0 || previous >= count) {
            previous = 0;
        }
        if (count == 1) {
            buf.putLong(BEGIN_TIMESTAMP, storeTimestamp);
            buf.putLong(BEGIN_PHY_OFFSET, phyOffset);
        }
        long diff = (storeTimestamp - buf.getLong(BEGIN_TIMESTAMP)) / 1000;
        int timeDiff = (int) Math.max(0, Math.min(Integer.MAX_VALUE, diff));
        int entryPos = HEADER_SIZE + slotNum * SLOT_SIZE + count * ENTRY_SIZE;
        buf.putInt(entryPos, hash);
        buf.putLong(entryPos + 4, phyOffset);
        buf.putInt(entryPos + 12, timeDiff);
        buf.putInt(entryPos + 16, previous);
        buf.putInt(slotPos, count);
        if (previous == 0) {
            buf.putInt(HASH_SLOT_COUNT, buf.getInt(HASH_SLOT_COUNT) + 1);
        }
        buf.putLong(END_TIMESTAMP, storeTimestamp);
        buf.putLong(END_PHY_OFFSET, phyOffset);
        // the count goes last: a concurrent query never follows a half-written entry
        buf.putInt(INDEX_COUNT, count + 1);
        return true;
    }

    /**
     * Adds the physical offsets of entries for {@code key} stored within [begin, end], newest
     * first. Holds the file: cleanup may destroy it concurrently.
     */
    public void select(String key, int maxNum, long begin, long end, List<Long> out) {
        if (!file.hold()) {
            return;
        }
        try {
            if (overlaps(begin, end)) {
                walkChain(key, maxNum, begin, end, out);
            }
        } finally {
            file.release();
        }
    }

    private void walkChain(String key, int maxNum, long begin, long end, List<Long> out) {
        int hash = keyHash(key);
        int count = buf.getInt(INDEX_COUNT);
        int next = buf.getInt(HEADER_SIZE + (hash % slotNum) * SLOT_SIZE);
        long fileBegin = buf.getLong(BEGIN_TIMESTAMP);
        int steps = 0;
        while (next > 0 && next < count && out.size() < maxNum && steps++ < indexNum) {
            int entryPos = HEADER_SIZE + slotNum * SLOT_SIZE + next * ENTRY_SIZE;
            long time = fileBegin + buf.getInt(entryPos + 12) * 1000L;
            if (buf.getInt(entryPos) == hash && time >= begin - 999 && time <= end) {
                out.add(buf.getLong(entryPos + 4));
            }
            int previous = buf.getInt(entryPos + 16);
            if (previous >= next || time < begin - 999) {
                break;
            }
            next = previous;
        }
    }

    private boolean overlaps(long begin, long end) {
        return getBeginTimestamp() <= end && getEndTimestamp() >= begin - 999;
    }

    public void flush() {
        file.forceAll();
    }

    public void close() {
        file.close();
    }

    public void destroy() {
        file.destroy();
    }
}
