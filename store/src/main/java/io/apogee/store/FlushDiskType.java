package io.apogee.store;

public enum FlushDiskType {
    /** Acknowledge once in the page cache; a flush thread writes behind. */
    ASYNC_FLUSH,
    /** Acknowledge after fsync; concurrent puts share one fsync (group commit). */
    SYNC_FLUSH
}
