package io.apogee.store;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Messages read from one queue. Each buffer is one stored record, a slice of a mapped commit-log
 * file that keeps the file mapped while referenced: whoever takes the result must call
 * {@link #release()} (or release each buffer after handing it to the network) exactly once.
 */
public final class GetMessageResult {
    private GetMessageStatus status;
    private long nextBeginOffset;
    private long minOffset;
    private long maxOffset;
    private final List<ByteBuf> messageBufferList;
    private final List<Long> messageQueueOffset;
    private int bufferTotalSize;
    private boolean suggestPullingFromSlave;

    public GetMessageResult() {
        this(16);
    }

    public GetMessageResult(int expectedCount) {
        this.messageBufferList = new ArrayList<>(expectedCount);
        this.messageQueueOffset = new ArrayList<>(expectedCount);
    }

    static GetMessageResult of(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset) {
        GetMessageResult r = new GetMessageResult(0);
        r.status = status;
        r.nextBeginOffset = nextBeginOffset;
        r.minOffset = minOffset;
        r.maxOffset = maxOffset;
        return r;
    }

    void addMessage(ByteBuf record, long queueOffset) {
        messageBufferList.add(record);
        messageQueueOffset.add(queueOffset);
        bufferTotalSize += record.readableBytes();
    }

    void complete(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset) {
        this.status = status;
        this.nextBeginOffset = nextBeginOffset;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
    }

    void setSuggestPullingFromSlave(boolean suggest) {
        this.suggestPullingFromSlave = suggest;
    }

    /**
     * True when the reader lags the commit log's end by more than accessMessageInMemoryMaxRatio of
     * physical memory: its reads likely hit the disk, and a master then points the consumer at a slave.
     */
    public boolean isSuggestPullingFromSlave() {
        return suggestPullingFromSlave;
    }

    public GetMessageStatus getStatus() {
        return status;
    }

    /** The queue offset the next pull should start from. */
    public long getNextBeginOffset() {
        return nextBeginOffset;
    }

    public long getMinOffset() {
        return minOffset;
    }

    public long getMaxOffset() {
        return maxOffset;
    }

    /** Stored records in queue order; each is one full record in the commit-log format. */
    public List<ByteBuf> getMessageBufferList() {
        return Collections.unmodifiableList(messageBufferList);
    }

    /** Queue offset of each buffer, same order. */
    public List<Long> getMessageQueueOffset() {
        return Collections.unmodifiableList(messageQueueOffset);
    }

    public int getMessageCount() {
        return messageBufferList.size();
    }

    public int getBufferTotalSize() {
        return bufferTotalSize;
    }

    /** Releases every buffer still referenced; safe to call when the list is empty. */
    public void release() {
        for (ByteBuf buf : messageBufferList) {
            if (buf.refCnt() > 0) {
                buf.release();
            }
        }
    }

    @Override
    public String toString() {
        return "GetMessageResult{status=" + status + ", nextBeginOffset=" + nextBeginOffset + ", minOffset="
                + minOffset + ", maxOffset=" + maxOffset + ", count=" + messageBufferList.size() + ", bytes="
                + bufferTotalSize + "}";
    }
}
