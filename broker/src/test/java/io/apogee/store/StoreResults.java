package io.apogee.store;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** Builds store results for the broker's in-memory test store; their mutators are package-private. */
public final class StoreResults {
    private StoreResults() {
    }

    public static GetMessageResult get(GetMessageStatus status, long next, long min, long max, List<ByteBuf> buffers, List<Long> offsets) {
        GetMessageResult result = new GetMessageResult(buffers.size());
        for (int i = 0; i < buffers.size(); i++) {
            result.addMessage(buffers.get(i), offsets.get(i));
        }
        result.complete(status, next, min, max);
        return result;
    }

    public static QueryMessageResult query(List<ByteBuf> buffers, long lastTimestamp, long lastPhyOffset) {
        QueryMessageResult result = new QueryMessageResult();
        buffers.forEach(result::addMessage);
        result.setIndexLastUpdate(lastTimestamp, lastPhyOffset);
        return result;
    }
}
