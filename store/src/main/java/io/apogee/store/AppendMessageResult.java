package io.apogee.store;

import java.util.function.Supplier;

/**
 * Where an append landed. For a batch, offsets are the first message's, {@code msgNum} the count
 * and {@link #getMsgId()} the comma-joined offset ids. The id string is built on first request
 * so puts that never report it do not pay for it.
 */
public final class AppendMessageResult {
    private final AppendMessageStatus status;
    private final long wroteOffset;
    private final int wroteBytes;
    private final long storeTimestamp;
    private final long logicsOffset;
    private final int msgNum;
    private Supplier<String> msgIdSupplier;
    private String msgId;

    public AppendMessageResult(AppendMessageStatus status) {
        this(status, 0, 0, null, 0, 0, 0);
    }

    public AppendMessageResult(AppendMessageStatus status, long wroteOffset, int wroteBytes,
                               Supplier<String> msgIdSupplier, long storeTimestamp, long logicsOffset, int msgNum) {
        this.status = status;
        this.wroteOffset = wroteOffset;
        this.wroteBytes = wroteBytes;
        this.msgIdSupplier = msgIdSupplier;
        this.storeTimestamp = storeTimestamp;
        this.logicsOffset = logicsOffset;
        this.msgNum = msgNum;
    }

    public boolean isOk() {
        return status == AppendMessageStatus.PUT_OK;
    }

    public AppendMessageStatus getStatus() {
        return status;
    }

    /** Commit-log offset of the (first) record. */
    public long getWroteOffset() {
        return wroteOffset;
    }

    public int getWroteBytes() {
        return wroteBytes;
    }

    /** Offset message id(s), uppercase hex (message.md §7.1). */
    public synchronized String getMsgId() {
        if (msgId == null && msgIdSupplier != null) {
            msgId = msgIdSupplier.get();
            msgIdSupplier = null;
        }
        return msgId;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    /** Queue offset of the (first) message. */
    public long getLogicsOffset() {
        return logicsOffset;
    }

    public int getMsgNum() {
        return msgNum;
    }

    @Override
    public String toString() {
        return "AppendMessageResult{status=" + status + ", wroteOffset=" + wroteOffset + ", wroteBytes=" + wroteBytes
                + ", logicsOffset=" + logicsOffset + ", msgNum=" + msgNum + "}";
    }
}
