package io.apogee.store;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads single fields of a stored record in place (record starts at {@code buf.position()}). */
public final class StoredRecords {

    private StoredRecords() {
    }

    public static int totalSize(ByteBuffer buf) {
        return buf.getInt(buf.position() + MessageCodec.TOTAL_SIZE_POSITION);
    }

    public static int queueId(ByteBuffer buf) {
        return buf.getInt(buf.position() + MessageCodec.QUEUE_ID_POSITION);
    }

    public static long queueOffset(ByteBuffer buf) {
        return buf.getLong(buf.position() + MessageCodec.QUEUE_OFFSET_POSITION);
    }

    public static long physicalOffset(ByteBuffer buf) {
        return buf.getLong(buf.position() + MessageCodec.PHYSICAL_OFFSET_POSITION);
    }

    public static int sysFlag(ByteBuffer buf) {
        return buf.getInt(buf.position() + MessageCodec.SYSFLAG_POSITION);
    }

    public static long storeTimestamp(ByteBuffer buf) {
        return buf.getLong(buf.position() + MessageCodec.storeTimestampPosition(sysFlag(buf)));
    }

    /** Position (absolute) of the TOPICLENGTH field. */
    private static int topicLengthPosition(ByteBuffer buf) {
        int bodyLengthPos = buf.position() + MessageCodec.bodyLengthPosition(sysFlag(buf));
        return bodyLengthPos + 4 + buf.getInt(bodyLengthPos);
    }

    public static String topic(ByteBuffer buf) {
        int pos = topicLengthPosition(buf);
        boolean v2 = buf.getInt(buf.position() + MessageCodec.MAGIC_POSITION) == MessageCodec.MAGIC_CODE_V2;
        int length = v2 ? buf.getShort(pos) : buf.get(pos);
        return string(buf, pos + (v2 ? 2 : 1), length);
    }

    /** The properties string as stored. */
    public static String propertiesString(ByteBuffer buf) {
        int pos = topicLengthPosition(buf);
        boolean v2 = buf.getInt(buf.position() + MessageCodec.MAGIC_POSITION) == MessageCodec.MAGIC_CODE_V2;
        int topicLength = v2 ? buf.getShort(pos) : buf.get(pos);
        int propsLengthPos = pos + (v2 ? 2 : 1) + topicLength;
        return string(buf, propsLengthPos + 2, buf.getShort(propsLengthPos));
    }

    public static Map<String, String> properties(ByteBuffer buf) {
        return MessageProperties.decode(propertiesString(buf));
    }

    private static String string(ByteBuffer buf, int pos, int length) {
        if (buf.hasArray()) {
            return new String(buf.array(), buf.arrayOffset() + pos, length, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[length];
        buf.get(pos, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
