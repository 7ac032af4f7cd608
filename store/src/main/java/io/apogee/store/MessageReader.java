package io.apogee.store;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.store.commitlog.CommitLog;
import io.apogee.store.file.ReadRegion;
import io.apogee.store.index.IndexService;
import io.apogee.store.queue.ConsumeQueue;
import io.apogee.store.queue.ConsumeQueueStore;
import io.apogee.store.stats.StoreMetrics;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The read side: pulls through consume queues, lookups by offset, queries through the index. */
final class MessageReader {
    /** Entries examined per pull when a filter rejects most of them (as RocketMQ: 16000 bytes). */
    private static final int MAX_FILTERED_ENTRIES = 16000 / ConsumeQueue.UNIT_SIZE;

    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final StoreMetrics metrics;
    private final int maxQueryBatch;
    /** Bytes behind the commit log's end still likely in the page cache. */
    private final long inMemoryBytes;

    MessageReader(CommitLog commitLog, ConsumeQueueStore queues, IndexService index, StoreMetrics metrics,
                  int maxQueryBatch, long inMemoryBytes) {
        this.inMemoryBytes = inMemoryBytes;
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.metrics = metrics;
        this.maxQueryBatch = maxQueryBatch;
    }

    GetMessageResult getMessage(String topic, int queueId, long offset, int maxMsgNums, int maxTotalBytes,
                                MessageFilter filter) {
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null) {
            metrics.recordGet(false);
            return GetMessageResult.of(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 0, 0, 0);
        }
        long min = cq.getMinOffsetInQueue();
        long max = cq.getMaxOffsetInQueue();
        GetMessageResult refusal = null;
        if (max == 0) {
            refusal = GetMessageResult.of(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        } else if (offset < min) {
            refusal = GetMessageResult.of(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
        } else if (offset == max) {
            refusal = GetMessageResult.of(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        } else if (offset > max) {
            refusal = GetMessageResult.of(GetMessageStatus.OFFSET_OVERFLOW_BADLY, min == 0 ? min : max, min, max);
        }
        if (refusal != null) {
            metrics.recordGet(false);
            return refusal;
        }
        try (ReadRegion entries = cq.entriesFrom(offset)) {
            if (entries == null) {
                metrics.recordGet(false);
                return GetMessageResult.of(GetMessageStatus.OFFSET_FOUND_NULL, cq.rollNextFile(offset), min, max);
            }
            GetMessageResult result = new GetMessageResult(Math.min(maxMsgNums, 64));
            GetMessageStatus status = GetMessageStatus.NO_MATCHED_MESSAGE;
            ByteBuffer buf = entries.buffer();
            long commitLogMin = commitLog.getMinOffset();
            int limit = Math.max(MAX_FILTERED_ENTRIES, maxMsgNums);
            int examined = 0;
            long pulledUpTo = -1;
            for (int pos = 0; pos + ConsumeQueue.UNIT_SIZE <= buf.limit() && examined < limit; pos += ConsumeQueue.UNIT_SIZE) {
                if (result.getMessageCount() >= maxMsgNums) {
                    break;
                }
                long phy = buf.getLong(pos);
                int size = buf.getInt(pos + 8);
                long tagsCode = buf.getLong(pos + 12);
                if (result.getMessageCount() > 0 && result.getBufferTotalSize() + (long) size > maxTotalBytes) {
                    break;
                }
                examined++;
                pulledUpTo = phy + size;
                if (size <= 0 || size == Integer.MAX_VALUE || phy < commitLogMin) {
                    if (result.getMessageCount() == 0 && phy < commitLogMin) {
                        status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                    }
                    continue;
                }
                if (!filter.isMatchedByConsumeQueue(tagsCode)) {
                    continue;
                }
                ByteBuf record = commitLog.selectRecord(phy, size);
                if (record == null) {
                    if (result.getMessageCount() == 0) {
                        status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                    }
                    continue;
                }
                if (!filter.isMatchedByCommitLog(record.nioBuffer(), null)) {
                    record.release();
                    continue;
                }
                result.addMessage(record, offset + pos / ConsumeQueue.UNIT_SIZE);
                status = GetMessageStatus.FOUND;
            }
            result.complete(status, offset + examined, min, max);
            result.setSuggestPullingFromSlave(pulledUpTo >= 0 && commitLog.getMaxOffset() - pulledUpTo > inMemoryBytes);
            metrics.recordGet(status == GetMessageStatus.FOUND);
            return result;
        }
    }

    MessageExt lookMessageByOffset(long commitLogOffset, int size) {
        ByteBuf record = size > 0 ? commitLog.selectRecord(commitLogOffset, size) : commitLog.selectRecord(commitLogOffset);
        if (record == null) {
            return null;
        }
        try {
            return MessageCodec.decode(record.nioBuffer(), true, false);
        } finally {
            record.release();
        }
    }

    /** Store time of the record at {@code phy}, or -1. */
    long storeTimestampAt(long phy, int size) {
        ByteBuf record = commitLog.selectRecord(phy, size);
        if (record == null) {
            return -1;
        }
        try {
            return StoredRecords.storeTimestamp(record.nioBuffer());
        } finally {
            record.release();
        }
    }

    long storeTimestampInQueue(String topic, int queueId, long queueOffset) {
        ConsumeQueue cq = queues.find(topic, queueId);
        long[] e = cq == null ? null : cq.entry(queueOffset);
        return e == null ? -1 : storeTimestampAt(e[0], (int) e[1]);
    }

    /** First queue offset stored at or after {@code timestamp}; the max offset when none is. */
    long offsetInQueueByTime(String topic, int queueId, long timestamp) {
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null) {
            return 0;
        }
        long low = cq.getMinOffsetInQueue();
        long high = cq.getMaxOffsetInQueue();
        while (low < high) {
            long mid = (low + high) >>> 1;
            long ts = storeTimestampInQueue(topic, queueId, mid);
            if (ts >= 0 && ts < timestamp) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        QueryMessageResult result = new QueryMessageResult();
        if (index == null) {
            return result;
        }
        long[] last = index.lastUpdate();
        result.setIndexLastUpdate(last[0], last[1]);
        List<Long> offsets = index.queryOffsets(topic, key, Math.min(maxNum, maxQueryBatch), begin, end);
        for (long phy : new LinkedHashSet<>(offsets)) {
            ByteBuf record = commitLog.selectRecord(phy);
            if (record == null) {
                continue;
            }
            if (matches(record.nioBuffer(), topic, key)) {
                result.addMessage(record);
            } else {
                record.release(); // hash collision, or an entry left from before a crash truncation
            }
        }
        return result;
    }

    private static boolean matches(ByteBuffer record, String topic, String key) {
        if (!topic.equals(StoredRecords.topic(record))) {
            return false;
        }
        Map<String, String> props = StoredRecords.properties(record);
        if (key.equals(props.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX))) {
            return true;
        }
        String keys = props.get(MessageConst.PROPERTY_KEYS);
        return keys != null && Arrays.asList(keys.split(MessageConst.KEY_SEPARATOR)).contains(key);
    }
}
