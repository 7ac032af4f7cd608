package io.apogee.store.commitlog;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageIds;
import io.apogee.common.message.MessageProperties;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.store.AppendMessageResult;
import io.apogee.store.AppendMessageStatus;
import io.apogee.store.FlushDiskType;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.file.MappedFile;
import io.apogee.store.file.MappedFileQueue;
import io.apogee.store.file.ReadRegion;
import io.apogee.store.file.TransientStorePool;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.stats.StoreMetrics;
import io.apogee.store.util.ServiceThread;
import io.netty.buffer.ByteBuf;
import java.io.File;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit log: every message of every topic appended to one sequence of mapped files.
 * Records are encoded by the calling thread; the append lock only assigns offsets and copies.
 * A record never spans two files: when it does not fit, the rest of the file gets a filler
 * record (TOTALSIZE = bytes left, blank magic) and the record goes to the next file.
 */
public final class CommitLog {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);
    /** A filler needs its size and magic: a file always keeps room for 8 bytes. */
    public static final int END_FILE_MIN_BLANK_LENGTH = 4 + 4;

    private final MessageStoreConfig config;
    private final MappedFileQueue files;
    private final TransientStorePool pool;
    private final StoreMetrics metrics;
    private final ReentrantLock putLock = new ReentrantLock();
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private final ThreadLocal<RecordEncoder> encoders;
    private final ServiceThread flusher;
    private final GroupCommitService groupCommit;
    private final CommitService committer;
    private volatile long beginTimeInLock;
    /** Set under the append lock at shutdown, so no append can touch a file being unmapped. */
    private boolean closed;
    private volatile long lastStoreTimestamp;

    public CommitLog(MessageStoreConfig config, StoreCheckpoint checkpoint, StoreMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        boolean usePool = config.isTransientStorePoolEnable() && config.getFlushDiskType() == FlushDiskType.ASYNC_FLUSH;
        this.pool = usePool ? new TransientStorePool(config.getTransientStorePoolSize(), config.getMappedFileSizeCommitLog())
                : null;
        this.files = new MappedFileQueue(new File(config.getStorePathCommitLog()), config.getMappedFileSizeCommitLog(), pool);
        int maxRecord = config.getMappedFileSizeCommitLog() - END_FILE_MIN_BLANK_LENGTH;
        this.encoders = ThreadLocal.withInitial(() -> new RecordEncoder(config.getMaxMessageSize(), maxRecord));
        if (config.getFlushDiskType() == FlushDiskType.SYNC_FLUSH) {
            this.groupCommit = new GroupCommitService(files, checkpoint, this::getLastStoreTimestamp, metrics,
                    config.getSyncFlushTimeout());
            this.flusher = groupCommit;
        } else {
            this.groupCommit = null;
            this.flusher = new AsyncFlushService(files, config, checkpoint, this::getLastStoreTimestamp);
        }
        this.committer = usePool ? new CommitService(files, config, flusher) : null;
    }

    public void load() throws IOException {
        files.load();
    }

    public void start() {
        flusher.start();
        if (committer != null) {
            committer.start();
        }
    }

    /** Refuses further appends, then stops the services after a final commit and flush. */
    public void shutdown() {
        putLock.lock();
        try {
            closed = true;
        } finally {
            putLock.unlock();
        }
        if (committer != null) {
            committer.shutdown();
        }
        flusher.shutdown();
        files.commit(0);
        files.flush(0);
    }

    /** Unmaps all files; call after {@link #shutdown()}. */
    public void close() {
        files.shutdown();
        if (pool != null) {
            pool.destroy();
        }
    }

    public MappedFileQueue getFiles() {
        return files;
    }

    public CompletableFuture<PutMessageResult> putMessage(MessageExtBrokerInner msg) {
        long start = System.nanoTime();
        RecordEncoder encoder = encoders.get();
        PutMessageStatus refused = encoder.encode(msg);
        if (refused != null) {
            return CompletableFuture.completedFuture(PutMessageResult.failure(refused, encoder.failure()));
        }
        return append(encoder, msg, start);
    }

    public CompletableFuture<PutMessageResult> putMessages(MessageExtBatch batch) {
        long start = System.nanoTime();
        RecordEncoder encoder = encoders.get();
        PutMessageStatus refused = encoder.encode(batch);
        if (refused != null) {
            return CompletableFuture.completedFuture(PutMessageResult.failure(refused, encoder.failure()));
        }
        return append(encoder, batch, start);
    }

    private CompletableFuture<PutMessageResult> append(RecordEncoder encoder, MessageExtBrokerInner msg, long start) {
        int txType = MessageSysFlag.getTransactionValue(msg.getSysFlag());
        // Half and rolled-back messages never reach a consume queue, so they take no queue offset.
        boolean takesQueueOffset = txType == MessageSysFlag.TRANSACTION_NOT_TYPE
                || txType == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
        int length = encoder.length();
        int count = encoder.recordCount();
        long physOffset;
        long queueOffset;
        long storeTimestamp;
        putLock.lock();
        try {
            if (closed) {
                return CompletableFuture.completedFuture(
                        PutMessageResult.failure(PutMessageStatus.SERVICE_NOT_AVAILABLE, "store is shutting down"));
            }
            storeTimestamp = System.currentTimeMillis();
            beginTimeInLock = storeTimestamp;
            MappedFile file = files.getLastFileForAppend(0);
            if (length + END_FILE_MIN_BLANK_LENGTH > file.remaining()) {
                writeEndOfFile(file);
                file = files.getLastFileForAppend(0);
            }
            physOffset = file.getFileFromOffset() + file.getWrotePosition();
            queueOffset = takesQueueOffset ? queueOffsets.get(msg.getTopic(), msg.getQueueId()) : 0;
            encoder.patch(physOffset, queueOffset, takesQueueOffset, storeTimestamp);
            file.append(encoder.buffer(), 0, length);
            if (takesQueueOffset) {
                queueOffsets.set(msg.getTopic(), msg.getQueueId(), queueOffset + count);
            }
            lastStoreTimestamp = storeTimestamp;
        } catch (IOException | RuntimeException e) {
            LOG.error("append to commit log failed", e);
            PutMessageStatus status = e instanceof IOException ? PutMessageStatus.CREATE_MAPPED_FILE_FAILED
                    : PutMessageStatus.UNKNOWN_ERROR;
            return CompletableFuture.completedFuture(PutMessageResult.failure(status, "append failed: " + e));
        } finally {
            beginTimeInLock = 0;
            putLock.unlock();
        }
        AppendMessageResult appended = new AppendMessageResult(AppendMessageStatus.PUT_OK, physOffset, length,
                msgIdSupplier(msg.getStoreHost(), physOffset, encoder, count), storeTimestamp, queueOffset, count);
        PutMessageResult result = new PutMessageResult(PutMessageStatus.PUT_OK, appended);
        if (groupCommit != null && waitStoreMsgOK(msg)) {
            return groupCommit.submit(physOffset + length, start, count, length, result);
        }
        flusher.wakeup();
        metrics.recordPut(count, length, System.nanoTime() - start);
        return CompletableFuture.completedFuture(result);
    }

    /** RocketMQ's rule: a put waits for storage unless its WAIT property says false. */
    public static boolean waitStoreMsgOK(MessageExtBrokerInner msg) {
        String wait = MessageProperties.find(msg.getPropertiesString(), MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        return wait == null || Boolean.parseBoolean(wait);
    }

    /** Offset ids; for a batch the record sizes are copied now because the encoder is reused. */
    private static Supplier<String> msgIdSupplier(SocketAddress storeHost, long physOffset, RecordEncoder encoder,
                                                  int count) {
        if (count == 1) {
            return () -> MessageIds.createOffsetMessageId(storeHost, physOffset);
        }
        int[] sizes = new int[count];
        ByteBuffer buf = encoder.buffer();
        int pos = 0;
        for (int i = 0; i < count; i++) {
            sizes[i] = buf.getInt(pos);
            pos += sizes[i];
        }
        return () -> {
            StringBuilder ids = new StringBuilder(count * 33);
            long offset = physOffset;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    ids.append(',');
                }
                ids.append(MessageIds.createOffsetMessageId(storeHost, offset));
                offset += sizes[i];
            }
            return ids.toString();
        };
    }

    private static void writeEndOfFile(MappedFile file) {
        ByteBuffer blank = ByteBuffer.allocate(END_FILE_MIN_BLANK_LENGTH);
        blank.putInt(file.remaining()).putInt(MessageCodec.BLANK_MAGIC_CODE);
        file.append(blank, 0, END_FILE_MIN_BLANK_LENGTH);
        file.fillToEnd();
    }

    /**
     * Replica path: appends bytes copied from a master's commit log at exactly the current end.
     * The bytes already contain fillers at file ends, so they split across files at the same points.
     */
    public boolean appendData(long startOffset, ByteBuffer data) {
        putLock.lock();
        try {
            if (closed) {
                return false;
            }
            long end = files.getMaxWrotePosition();
            if (!files.isEmpty() && startOffset != end || files.isEmpty() && startOffset % files.getFileSize() != 0) {
                LOG.warn("replica append at {} does not match the commit-log end {}", startOffset, end);
                return false;
            }
            ByteBuffer src = data.duplicate();
            long offset = startOffset;
            while (src.hasRemaining()) {
                MappedFile file = files.getLastFileForAppend(offset);
                int n = Math.min(src.remaining(), file.remaining());
                file.append(src, src.position(), n);
                src.position(src.position() + n);
                offset += n;
            }
            flusher.wakeup();
            return true;
        } catch (IOException e) {
            LOG.error("replica append failed", e);
            return false;
        } finally {
            putLock.unlock();
        }
    }

    /** The record at {@code offset} as a reference-counted slice; null if absent. */
    public ByteBuf selectRecord(long offset, int size) {
        MappedFile file = files.findFileByOffset(offset);
        return file == null ? null : file.selectBuffer((int) (offset - file.getFileFromOffset()), size);
    }

    /** Same, reading the size from the record itself. */
    public ByteBuf selectRecord(long offset) {
        int size = recordSizeAt(offset);
        return size <= 0 ? null : selectRecord(offset, size);
    }

    private int recordSizeAt(long offset) {
        MappedFile file = files.findFileByOffset(offset);
        if (file == null || !file.hold()) {
            return -1;
        }
        try {
            ByteBuffer head = file.sliceHeld((int) (offset - file.getFileFromOffset()), 8);
            if (head == null || !MessageCodec.isMessageMagic(head.getInt(4))) {
                return -1;
            }
            return head.getInt(0);
        } finally {
            file.release();
        }
    }

    /** Readable bytes from {@code offset} to the end of its file's readable data, or null. */
    public ReadRegion readFrom(long offset) {
        return files.readFrom(offset);
    }

    public long getMinOffset() {
        return files.getMinOffset();
    }

    /** Offset just past the last readable record. */
    public long getMaxOffset() {
        return files.getMaxOffset();
    }

    public long getFlushedWhere() {
        return files.getFlushedWhere();
    }

    public long rollNextFile(long offset) {
        int size = files.getFileSize();
        return offset + size - offset % size;
    }

    public long getLastStoreTimestamp() {
        return lastStoreTimestamp;
    }

    /** True while an append has held the lock longer than osPageCacheBusyTimeOutMills. */
    public boolean isOsPageCacheBusy() {
        long begin = beginTimeInLock;
        return begin > 0 && System.currentTimeMillis() - begin > config.getOsPageCacheBusyTimeOutMills();
    }

    /** Recovery: sets the next queue offset of one queue (from its consume queue). */
    public void setQueueOffset(String topic, int queueId, long next) {
        putLock.lock();
        try {
            queueOffsets.set(topic, queueId, next);
        } finally {
            putLock.unlock();
        }
    }

    public void removeQueueOffsets(String topic) {
        putLock.lock();
        try {
            queueOffsets.remove(topic);
        } finally {
            putLock.unlock();
        }
    }

    /** Recovery: cuts the log at {@code offset}, dropping everything after it. */
    public void truncateTo(long offset) {
        putLock.lock();
        try {
            files.truncateTo(offset);
        } finally {
            putLock.unlock();
        }
    }
}
