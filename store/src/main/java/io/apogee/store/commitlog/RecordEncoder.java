package io.apogee.store.commitlog;

import io.apogee.common.message.BatchBodyDecoder;
import io.apogee.common.message.MessageChecksum;
import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageProperties;
import io.apogee.store.PutMessageStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Encodes records into a reusable per-thread buffer before the append lock is taken; only the
 * offsets and store timestamp are patched in under the lock ({@link #patch}).
 */
final class RecordEncoder {
    private static final Map<String, byte[]> TOPIC_BYTES = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_TOPICS = 100_000;
    private static final int INITIAL_CAPACITY = 16 * 1024;
    private static final int RETAINED_CAPACITY = 1024 * 1024;

    private final int maxMessageSize;
    private final int maxRecordSize;
    private ByteBuffer buffer;
    /** Start position and sysFlag of each encoded record, for patching. */
    private int[] recordStarts = new int[16];
    private int[] recordFlags = new int[16];
    private int recordCount;
    private String failure;
    private final CRC32 crc = new CRC32();

    RecordEncoder(int maxMessageSize, int maxRecordSize) {
        this.maxMessageSize = maxMessageSize;
        this.maxRecordSize = maxRecordSize;
        // Grows on demand: most messages are small and every writing thread owns one encoder.
        this.buffer = ByteBuffer.allocate(Math.min(maxRecordSize, INITIAL_CAPACITY));
    }

    ByteBuffer buffer() {
        return buffer;
    }

    int length() {
        return buffer.position();
    }

    int recordCount() {
        return recordCount;
    }

    String failure() {
        return failure;
    }

    /** Encodes one message; returns null on success, else the status to refuse it with. */
    PutMessageStatus encode(MessageExtBrokerInner msg) {
        reset();
        byte[] body = msg.getBody() == null ? new byte[0] : msg.getBody();
        if (body.length > maxMessageSize) {
            return fail(PutMessageStatus.MESSAGE_ILLEGAL, "body of " + body.length + " bytes exceeds maxMessageSize "
                    + maxMessageSize);
        }
        String props = msg.getPropertiesString() == null ? "" : msg.getPropertiesString();
        return add(msg, props, body, 0, body.length, msg.getFlag());
    }

    /** Encodes every record of a batch; returns null on success, else the status to refuse it with. */
    PutMessageStatus encode(MessageExtBatch batch) {
        reset();
        byte[] body = batch.getBody();
        if (body == null || body.length == 0) {
            return fail(PutMessageStatus.MESSAGE_ILLEGAL, "empty batch");
        }
        if (body.length > maxMessageSize) {
            return fail(PutMessageStatus.MESSAGE_ILLEGAL, "batch of " + body.length + " bytes exceeds maxMessageSize "
                    + maxMessageSize);
        }
        List<BatchBodyDecoder.Item> items;
        try {
            items = BatchBodyDecoder.items(body);
        } catch (IllegalArgumentException e) {
            return fail(PutMessageStatus.MESSAGE_ILLEGAL, "malformed batch: " + e.getMessage());
        }
        Map<String, String> batchProps = MessageProperties.decode(batch.getPropertiesString());
        for (BatchBodyDecoder.Item item : items) {
            String props = mergeBatchProperties(item.properties(), batchProps);
            PutMessageStatus status = add(batch, props, body, item.bodyOffset(), item.bodyLength(), item.flag());
            if (status != null) {
                return status;
            }
        }
        return null;
    }

    /** Batch-level properties apply to each record unless the record sets the key itself. */
    private static String mergeBatchProperties(String own, Map<String, String> batchProps) {
        if (batchProps.isEmpty()) {
            return own;
        }
        StringBuilder sb = new StringBuilder(own);
        for (Map.Entry<String, String> e : batchProps.entrySet()) {
            if (MessageProperties.find(own, e.getKey()) == null) {
                sb.append(e.getKey()).append('\u0001').append(e.getValue()).append('\u0002');
            }
        }
        return sb.toString();
    }

    private PutMessageStatus add(MessageExtBrokerInner msg, String props, byte[] body, int bodyOffset,
                                 int bodyLength, int flag) {
        byte[] topic = topicBytes(msg.getTopic());
        byte[] properties = props.getBytes(StandardCharsets.UTF_8);
        if (properties.length > Short.MAX_VALUE) {
            return fail(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, "properties of " + properties.length
                    + " bytes exceed " + Short.MAX_VALUE);
        }
        if (topic.length > Short.MAX_VALUE) {
            return fail(PutMessageStatus.MESSAGE_ILLEGAL, "topic too long");
        }
        int sysFlag = MessageCodec.withHostFlags(msg.getSysFlag(), msg.getBornHost(), msg.getStoreHost());
        int size = MessageCodec.recordSize(sysFlag, bodyLength, topic.length, properties.length);
        if (buffer.position() + size > maxRecordSize) {
            return fail(PutMessageStatus.MESSAGE_ILLEGAL, "record of " + (buffer.position() + size)
                    + " bytes does not fit a commit-log file");
        }
        ensureCapacity(size);
        if (recordCount == recordStarts.length) {
            recordStarts = Arrays.copyOf(recordStarts, recordCount * 2);
            recordFlags = Arrays.copyOf(recordFlags, recordCount * 2);
        }
        recordStarts[recordCount] = buffer.position();
        recordFlags[recordCount] = sysFlag;
        recordCount++;
        int bodyCrc = MessageChecksum.crc32(crc, body, bodyOffset, bodyLength);
        int savedFlag = msg.getFlag();
        msg.setFlag(flag);
        try {
            MessageCodec.encode(buffer, msg, sysFlag, topic, properties, body, bodyOffset, bodyLength, bodyCrc);
        } finally {
            msg.setFlag(savedFlag);
        }
        return null;
    }

    /** Writes the offsets assigned under the lock into every encoded record. */
    void patch(long physicalOffset, long queueOffset, boolean advanceQueueOffset, long storeTimestamp) {
        long phys = physicalOffset;
        long queue = queueOffset;
        for (int i = 0; i < recordCount; i++) {
            int start = recordStarts[i];
            buffer.putLong(start + MessageCodec.QUEUE_OFFSET_POSITION, queue);
            buffer.putLong(start + MessageCodec.PHYSICAL_OFFSET_POSITION, phys);
            buffer.putLong(start + MessageCodec.storeTimestampPosition(recordFlags[i]), storeTimestamp);
            phys += buffer.getInt(start);
            if (advanceQueueOffset) {
                queue++;
            }
        }
    }

    private void ensureCapacity(int more) {
        if (buffer.remaining() < more) {
            int needed = buffer.position() + more;
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(needed, Math.min(maxRecordSize, buffer.capacity() * 2)));
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
    }

    private void reset() {
        if (buffer.capacity() > RETAINED_CAPACITY) {
            // one huge message must not pin megabytes in every thread that ever wrote one
            buffer = ByteBuffer.allocate(INITIAL_CAPACITY);
        }
        buffer.clear();
        recordCount = 0;
        failure = null;
    }

    private PutMessageStatus fail(PutMessageStatus status, String why) {
        failure = why;
        return status;
    }

    private static byte[] topicBytes(String topic) {
        byte[] bytes = TOPIC_BYTES.get(topic);
        if (bytes == null) {
            bytes = topic.getBytes(StandardCharsets.UTF_8);
            if (TOPIC_BYTES.size() < MAX_CACHED_TOPICS) {
                TOPIC_BYTES.put(topic, bytes);
            }
        }
        return bytes;
    }
}
