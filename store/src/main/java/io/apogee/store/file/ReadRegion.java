package io.apogee.store.file;

import java.nio.ByteBuffer;

/**
 * Readable bytes of one mapped file from a start offset, valid until {@link #close()} (the file
 * is held meanwhile). Position 0 of {@link #buffer()} is {@link #startOffset()}.
 */
public final class ReadRegion implements AutoCloseable {
    private final MappedFile file;
    private final ByteBuffer buffer;
    private final long startOffset;

    ReadRegion(MappedFile file, ByteBuffer buffer, long startOffset) {
        this.file = file;
        this.buffer = buffer;
        this.startOffset = startOffset;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    public long startOffset() {
        return startOffset;
    }

    /** Offset where the file containing this region ends. */
    public long fileEndOffset() {
        return file.getFileFromOffset() + file.getFileSize();
    }

    @Override
    public void close() {
        file.release();
    }
}
