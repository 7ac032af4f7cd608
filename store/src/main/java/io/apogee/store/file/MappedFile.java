package io.apogee.store.file;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.util.internal.PlatformDependent;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fixed-size file, memory-mapped, named by the 20-digit offset of its first byte in the
 * whole log. Appends happen at {@link #getWrotePosition()}; the bytes below
 * {@link #getReadPosition()} are visible to readers, below {@link #getFlushedPosition()} on disk.
 *
 * <p>With a write buffer (transient store pool), appends go to off-heap memory first and
 * {@link #commit} copies them into the file; readers only see committed bytes.
 *
 * <p>Readers {@link #hold()} the file while they use its memory; the mapping is released when
 * the file is destroyed and the last holder lets go, so a slice handed to the network stays valid.
 */
public final class MappedFile {
    private static final Logger LOG = LoggerFactory.getLogger(MappedFile.class);
    public static final int OS_PAGE_SIZE = 4096;

    private final File file;
    private final long fileFromOffset;
    private final int fileSize;
    private final FileChannel channel;
    private final MappedByteBuffer mapped;
    private final AtomicLong refCount = new AtomicLong(1);
    private volatile boolean available = true;
    private volatile boolean cleanedUp;

    private volatile int wrotePosition;
    private volatile int committedPosition;
    private volatile int flushedPosition;

    private ByteBuffer writeBuffer;
    private TransientStorePool pool;

    public MappedFile(File file, int fileSize) throws IOException {
        this.file = file;
        this.fileSize = fileSize;
        // Log files are named by their start offset; other users (index files) do not use it.
        this.fileFromOffset = file.getName().matches("\\d{1,20}") ? Long.parseLong(file.getName()) : 0;
        Files.createDirectories(file.getParentFile().toPath());
        this.channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            this.mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Appends go to a buffer from {@code pool}, if it has one left, until committed to the file. */
    public void useWriteBuffer(TransientStorePool pool) {
        this.writeBuffer = pool.borrowBuffer();
        this.pool = writeBuffer == null ? null : pool;
    }

    public static String fileName(long offset) {
        return String.format("%020d", offset);
    }

    public File getFile() {
        return file;
    }

    public String getFileName() {
        return file.getName();
    }

    public long getFileFromOffset() {
        return fileFromOffset;
    }

    public int getFileSize() {
        return fileSize;
    }

    public int getWrotePosition() {
        return wrotePosition;
    }

    /** Bytes readers may see: committed ones when a write buffer is in use, else all appended. */
    public int getReadPosition() {
        return writeBuffer == null ? wrotePosition : committedPosition;
    }

    public int getFlushedPosition() {
        return flushedPosition;
    }

    public boolean isFull() {
        return wrotePosition == fileSize;
    }

    public int remaining() {
        return fileSize - wrotePosition;
    }

    public long getLastModifiedTimestamp() {
        return file.lastModified();
    }

    /**
     * Copies {@code length} bytes of {@code src} (from absolute {@code offset}) at the write
     * position. Single writer only: callers serialize appends. The file is held meanwhile so a
     * concurrent destroy can never unmap memory being written (that would crash the JVM).
     */
    public void append(ByteBuffer src, int offset, int length) {
        int pos = wrotePosition;
        if (length > fileSize - pos) {
            throw new IllegalStateException("append of " + length + " bytes overflows " + file);
        }
        if (!hold()) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            targetBuffer().put(pos, src, offset, length);
            wrotePosition = pos + length;
        } finally {
            release();
        }
    }

    /** The memory appends go to, for files updated in place (index files). Never let it escape. */
    public ByteBuffer writeView() {
        return targetBuffer();
    }

    private ByteBuffer targetBuffer() {
        return writeBuffer != null ? writeBuffer : mapped;
    }

    /** Marks the rest of the file as used, e.g. after writing an end-of-file filler. */
    public void fillToEnd() {
        wrotePosition = fileSize;
    }

    /** Sets all positions, used by recovery and truncation. */
    public void setPositions(int position) {
        wrotePosition = position;
        committedPosition = position;
        flushedPosition = position;
    }

    /**
     * Copies appended bytes from the write buffer into the file once at least {@code leastPages}
     * pages are waiting (0 = any). Returns the committed position. Without write buffer: no-op.
     */
    public int commit(int leastPages) {
        if (writeBuffer == null) {
            return wrotePosition;
        }
        int from = committedPosition;
        int to = wrotePosition;
        if (to > from && (leastPages == 0 || to == fileSize || (to - from) / OS_PAGE_SIZE >= leastPages)) {
            if (hold()) {
                try {
                    channel.write(writeBuffer.duplicate().position(from).limit(to), from);
                    committedPosition = to;
                } catch (IOException e) {
                    throw new UncheckedIOException("commit failed for " + file, e);
                } finally {
                    release();
                }
            }
        }
        if (committedPosition == fileSize && pool != null && writeBuffer != null) {
            pool.returnBuffer(writeBuffer);
            writeBuffer = null;
            pool = null;
        }
        return committedPosition;
    }

    /**
     * Forces readable-but-unflushed bytes to disk once at least {@code leastPages} pages are
     * waiting (0 = any). Returns the flushed position; an I/O error surfaces as UncheckedIOException.
     */
    public int flush(int leastPages) {
        int from = flushedPosition;
        int to = getReadPosition();
        if (to <= from || !(leastPages == 0 || to == fileSize || (to - from) / OS_PAGE_SIZE >= leastPages)) {
            return from;
        }
        if (hold()) {
            try {
                // msync of the range also writes pages dirtied through the channel by commit().
                mapped.force(from, to - from);
                flushedPosition = to;
            } finally {
                release();
            }
        }
        return flushedPosition;
    }

    /** Forces the whole mapping, for files updated in place (index files). */
    public void forceAll() {
        if (hold()) {
            try {
                mapped.force();
            } finally {
                release();
            }
        }
    }

    /** Reference to the file's memory, or false once it is being destroyed. */
    public boolean hold() {
        while (true) {
            long count = refCount.get();
            if (!available || count <= 0) {
                return false;
            }
            if (refCount.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (refCount.decrementAndGet() == 0) {
            cleanup();
        }
    }

    private synchronized void cleanup() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        PlatformDependent.freeDirectBuffer(mapped);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed", file, e);
        }
        if (writeBuffer != null && pool != null) {
            pool.returnBuffer(writeBuffer);
            writeBuffer = null;
        }
    }

    /**
     * A read-only view of {@code [position, position + size)} that must be used while holding
     * the file. Returns null when the range is not readable.
     */
    public ByteBuffer sliceHeld(int position, int size) {
        if (position < 0 || size < 0 || position + size > getReadPosition()) {
            return null;
        }
        return mapped.slice(position, size);
    }

    /** A reference-counted slice; releasing the last reference releases this file's hold. */
    public ByteBuf selectBuffer(int position, int size) {
        if (position < 0 || size <= 0 || position + size > getReadPosition() || !hold()) {
            return null;
        }
        return new HeldSlice(mapped.slice(position, size), this);
    }

    /** Reads everything below the read position into a view the caller uses while holding. */
    public ByteBuffer readableView() {
        return mapped.slice(0, getReadPosition());
    }

    /**
     * Zeroes everything from {@code position} to the end, so stale bytes cannot pass for records.
     * Recovery only: nothing may read the file meanwhile, since it is briefly shorter.
     */
    public void zeroFrom(int position) {
        // Cutting the file and growing it back leaves a hole that reads as zeros, without touching
        // the pages; scanning them instead would fault in up to a whole file of page cache.
        try {
            channel.truncate(position);
            channel.write(ByteBuffer.allocate(1), fileSize - 1);
            return;
        } catch (IOException e) {
            LOG.warn("could not cut {} at {}; zeroing its pages instead", file, position, e);
        }
        for (int p = position; p < fileSize; ) {
            int end = Math.min(fileSize, (p / OS_PAGE_SIZE + 1) * OS_PAGE_SIZE);
            boolean dirty = false;
            for (int i = p; i < end; i += 8) {
                if (end - i >= 8 ? mapped.getLong(i) != 0 : mapped.get(i) != 0) {
                    dirty = true;
                    break;
                }
            }
            if (dirty) {
                mapped.put(p, new byte[end - p]);
            }
            p = end;
        }
    }

    /**
     * Stops new holders, deletes the file and unmaps it when the last holder releases.
     * Returns true once the file is gone from disk.
     */
    public boolean destroy() {
        if (available) {
            available = false;
            release();
        }
        boolean deleted = !file.exists() || file.delete();
        if (deleted) {
            LOG.info("deleted {}", file);
        }
        return deleted;
    }

    /** Unmaps without deleting (shutdown). */
    public void close() {
        if (available) {
            available = false;
            release();
        }
    }

    @Override
    public String toString() {
        return file.getName();
    }

    /** Slice whose deallocation gives back the file hold instead of freeing memory. */
    private static final class HeldSlice extends UnpooledDirectByteBuf {
        private final MappedFile owner;

        HeldSlice(ByteBuffer slice, MappedFile owner) {
            super(UnpooledByteBufAllocator.DEFAULT, slice, slice.remaining());
            this.owner = owner;
        }

        @Override
        protected void deallocate() {
            super.deallocate();
            owner.release();
        }
    }
}
