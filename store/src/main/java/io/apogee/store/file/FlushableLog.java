package io.apogee.store.file;

/**
 * What a flush service needs from a log: force the bytes written so far to disk, and say how far
 * the disk copy reaches. A seam so that tests can make the force fail like a broken disk.
 */
public interface FlushableLog {
    /**
     * Forces unflushed bytes to disk once at least {@code leastPages} pages wait (0 = any);
     * returns true if anything was flushed. An I/O error surfaces as an unchecked exception.
     */
    boolean flush(int leastPages);

    /** Offset up to which data is on disk. */
    long getFlushedWhere();
}
