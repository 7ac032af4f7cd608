package io.apogee.store.dispatch;

import io.apogee.common.message.MessageChecksum;
import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageProperties;
import io.apogee.store.StoredRecords;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Checks one commit-log record in place and turns it into a {@link DispatchRequest}. Shared
 * by the dispatcher (trusted bytes) and crash recovery (anything may be torn or corrupt).
 */
public final class RecordParser {
    /** Topic of delayed messages: their tag code is the delivery time. */
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";

    /**
     * Outcome kinds. INCOMPLETE: a plausible header whose record extends past the readable bytes,
     * which for the dispatcher means "not all there yet" (a replica appends in chunks) and for
     * recovery means a torn write.
     */
    public enum Kind { MESSAGE, END_OF_FILE, END_OF_DATA, INCOMPLETE, CORRUPT }

    /** Result of one parse; {@code size} is the bytes to skip (END_OF_FILE: rest of the file). */
    public record Result(Kind kind, int size, DispatchRequest request, String problem) {
    }

    private static final Result END_OF_DATA = new Result(Kind.END_OF_DATA, 0, null, null);

    private final DelayLevels delayLevels;
    private final int maxRecordSize;

    public RecordParser(DelayLevels delayLevels, int maxRecordSize) {
        this.delayLevels = delayLevels;
        this.maxRecordSize = maxRecordSize;
    }

    /**
     * Parses the record at {@code buf.position()} whose physical offset should be
     * {@code expectedOffset}. A zero size means nothing was ever written there.
     */
    public Result parse(ByteBuffer buf, long expectedOffset, boolean checkCrc) {
        return inspect(buf, expectedOffset, checkCrc, true);
    }

    /** Checks the record like {@link #parse} but builds no request (its result's request is null). */
    public Result verify(ByteBuffer buf, long expectedOffset, boolean checkCrc) {
        return inspect(buf, expectedOffset, checkCrc, false);
    }

    private Result inspect(ByteBuffer buf, long expectedOffset, boolean checkCrc, boolean withRequest) {
        int start = buf.position();
        int available = buf.limit() - start;
        if (available < 8) {
            return available == 0 || allZero(buf, start, available) ? END_OF_DATA
                    : corrupt("truncated record header");
        }
        int totalSize = buf.getInt(start);
        int magic = buf.getInt(start + MessageCodec.MAGIC_POSITION);
        if (magic == MessageCodec.BLANK_MAGIC_CODE) {
            return new Result(Kind.END_OF_FILE, totalSize, null, null);
        }
        if (totalSize == 0 && magic == 0) {
            return END_OF_DATA;
        }
        if (!MessageCodec.isMessageMagic(magic)) {
            return corrupt("bad magic code 0x" + Integer.toHexString(magic));
        }
        if (totalSize <= 0 || totalSize > maxRecordSize) {
            return corrupt("bad total size " + totalSize);
        }
        if (totalSize > available) {
            return new Result(Kind.INCOMPLETE, 0, null,
                    "record of " + totalSize + " bytes runs past the written data (" + available + " bytes)");
        }
        ByteBuffer record = buf.slice(start, totalSize);
        try {
            int sysFlag = StoredRecords.sysFlag(record);
            int bodyLengthPos = MessageCodec.bodyLengthPosition(sysFlag);
            int bodyLength = record.getInt(bodyLengthPos);
            if (bodyLength < 0 || bodyLengthPos + 4 + bodyLength > totalSize) {
                return corrupt("bad body length " + bodyLength);
            }
            long physOffset = StoredRecords.physicalOffset(record);
            if (physOffset != expectedOffset) {
                return corrupt("physical offset field " + physOffset + " != position " + expectedOffset);
            }
            if (checkCrc) {
                int crc = MessageChecksum.crc32(record, bodyLengthPos + 4, bodyLength);
                int stored = record.getInt(MessageCodec.BODY_CRC_POSITION);
                if (crc != stored) {
                    return corrupt("body CRC " + stored + " != computed " + crc);
                }
            }
            int topicPos = bodyLengthPos + 4 + bodyLength;
            boolean v2 = magic == MessageCodec.MAGIC_CODE_V2;
            int topicLength = v2 ? record.getShort(topicPos) : record.get(topicPos);
            int propsLengthPos = topicPos + (v2 ? 2 : 1) + topicLength;
            if (topicLength <= 0 || propsLengthPos + 2 > totalSize) {
                return corrupt("bad topic length " + topicLength);
            }
            int propsLength = record.getShort(propsLengthPos);
            if (propsLength < 0 || propsLengthPos + 2 + propsLength != totalSize) {
                return corrupt("field lengths do not add up to total size " + totalSize);
            }
            DispatchRequest request = withRequest ? toRequest(record, sysFlag, totalSize, physOffset) : null;
            return new Result(Kind.MESSAGE, totalSize, request, null);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return corrupt("unreadable record: " + e);
        }
    }

    private DispatchRequest toRequest(ByteBuffer record, int sysFlag, int totalSize, long physOffset) {
        String topic = StoredRecords.topic(record);
        Map<String, String> props = MessageProperties.decode(StoredRecords.propertiesString(record));
        long storeTimestamp = StoredRecords.storeTimestamp(record);
        long tagsCode = tagsCode(topic, props, storeTimestamp);
        return new DispatchRequest(topic, StoredRecords.queueId(record), physOffset, totalSize, tagsCode,
                storeTimestamp, StoredRecords.queueOffset(record), props.get(MessageConst.PROPERTY_KEYS),
                props.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX), sysFlag,
                record.getLong(MessageCodec.reconsumeTimesPosition(sysFlag) + 4), props);
    }

    private long tagsCode(String topic, Map<String, String> props, long storeTimestamp) {
        if (SCHEDULE_TOPIC.equals(topic)) {
            String level = props.get(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
            if (level != null) {
                try {
                    return storeTimestamp + delayLevels.delayMillis(Integer.parseInt(level));
                } catch (NumberFormatException e) {
                    return storeTimestamp;
                }
            }
        }
        String tags = props.get(MessageConst.PROPERTY_TAGS);
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }

    private static boolean allZero(ByteBuffer buf, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (buf.get(from + i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Result corrupt(String why) {
        return new Result(Kind.CORRUPT, 0, null, why);
    }
}
