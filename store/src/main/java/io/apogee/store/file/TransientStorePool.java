package io.apogee.store.file;

import io.netty.util.internal.PlatformDependent;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Off-heap buffers, one commit-log file in size, that appends are written to before being
 * committed into the file: writers then never touch mapped pages the kernel may be writing back.
 */
public final class TransientStorePool {
    private static final Logger LOG = LoggerFactory.getLogger(TransientStorePool.class);

    private final ConcurrentLinkedDeque<ByteBuffer> available = new ConcurrentLinkedDeque<>();
    private final int poolSize;
    private final int fileSize;

    public TransientStorePool(int poolSize, int fileSize) {
        this.poolSize = poolSize;
        this.fileSize = fileSize;
        for (int i = 0; i < poolSize; i++) {
            available.add(ByteBuffer.allocateDirect(fileSize));
        }
    }

    /**
     * A buffer from the pool, or null when all are in use (writes then go to the mapped file
     * directly: slower for the writer, but never an out-of-memory error).
     */
    public ByteBuffer borrowBuffer() {
        ByteBuffer buffer = available.pollFirst();
        if (buffer == null) {
            LOG.warn("transient store pool exhausted ({} buffers): the next file is written without one", poolSize);
        }
        return buffer;
    }

    public void returnBuffer(ByteBuffer buffer) {
        if (available.size() < poolSize) {
            buffer.clear();
            available.offerFirst(buffer);
        } else {
            PlatformDependent.freeDirectBuffer(buffer);
        }
    }

    public int availableBuffers() {
        return available.size();
    }

    public void destroy() {
        ByteBuffer buffer;
        while ((buffer = available.poll()) != null) {
            PlatformDependent.freeDirectBuffer(buffer);
        }
    }
}
