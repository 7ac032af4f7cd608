package io.apogee.common.message;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** BODYCRC: CRC-32 of the stored body masked to a non-negative int, as RocketMQ computes it. */
public final class MessageChecksum {

    private MessageChecksum() {
    }

    public static int crc32(byte[] array) {
        return array == null ? 0 : crc32(array, 0, array.length);
    }

    public static int crc32(byte[] array, int offset, int length) {
        return crc32(new CRC32(), array, offset, length);
    }

    /** Same, reusing {@code crc} (reset first) so hot paths allocate nothing. */
    public static int crc32(CRC32 crc, byte[] array, int offset, int length) {
        crc.reset();
        crc.update(array, offset, length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    /** Reads {@code length} bytes at {@code position} without moving the buffer's position. */
    public static int crc32(ByteBuffer buffer, int position, int length) {
        CRC32 crc = new CRC32();
        crc.update(buffer.duplicate().position(position).limit(position + length));
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
