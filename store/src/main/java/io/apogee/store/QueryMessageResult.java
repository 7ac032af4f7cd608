package io.apogee.store;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Messages found through the index by key; buffers as in {@link GetMessageResult}, caller releases. */
public final class QueryMessageResult {
    private final List<ByteBuf> messageBufferList = new ArrayList<>();
    private long indexLastUpdateTimestamp;
    private long indexLastUpdatePhyoffset;
    private int bufferTotalSize;

    void addMessage(ByteBuf record) {
        messageBufferList.add(record);
        bufferTotalSize += record.readableBytes();
    }

    void setIndexLastUpdate(long timestamp, long phyOffset) {
        this.indexLastUpdateTimestamp = timestamp;
        this.indexLastUpdatePhyoffset = phyOffset;
    }

    public List<ByteBuf> getMessageBufferList() {
        return Collections.unmodifiableList(messageBufferList);
    }

    /** Store time of the newest indexed message; the broker returns it in the response header. */
    public long getIndexLastUpdateTimestamp() {
        return indexLastUpdateTimestamp;
    }

    public long getIndexLastUpdatePhyoffset() {
        return indexLastUpdatePhyoffset;
    }

    public int getBufferTotalSize() {
        return bufferTotalSize;
    }

    public void release() {
        for (ByteBuf buf : messageBufferList) {
            if (buf.refCnt() > 0) {
                buf.release();
            }
        }
    }
}
