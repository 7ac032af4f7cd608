package io.apogee.common.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the SEND_BATCH_MESSAGE body (message.md §6) into one {@link Message} per record. */
public final class BatchBodyDecoder {

    private BatchBodyDecoder() {
    }

    /** One record of a batch, as positions into the batch body (no copies). */
    public record Item(int flag, int bodyOffset, int bodyLength, String properties) {
    }

    /**
     * Splits the body into items; throws IllegalArgumentException when a record's sizes do not
     * add up, so a malformed batch is rejected as a whole.
     */
    public static List<Item> items(byte[] batchBody) {
        ByteBuffer buf = ByteBuffer.wrap(batchBody);
        List<Item> items = new ArrayList<>();
        while (buf.hasRemaining()) {
            int start = buf.position();
            if (buf.remaining() < 20) {
                throw new IllegalArgumentException("truncated batch record at " + start);
            }
            buf.getInt(); // total size
            buf.getInt(); // magic code: always 0 in batch records
            buf.getInt(); // body crc: always 0, the broker computes it
            int flag = buf.getInt();
            int bodyLength = buf.getInt();
            if (bodyLength < 0 || bodyLength + 2 > buf.remaining()) {
                throw new IllegalArgumentException("bad body length " + bodyLength + " at " + start);
            }
            int bodyOffset = buf.position();
            buf.position(bodyOffset + bodyLength);
            int propertiesLength = buf.getShort();
            // TOTALSIZE is not checked: the lengths that follow it are what official brokers read.
            if (propertiesLength < 0 || propertiesLength > buf.remaining()) {
                throw new IllegalArgumentException("bad batch record sizes at " + start);
            }
            String properties = new String(batchBody, buf.position(), propertiesLength, StandardCharsets.UTF_8);
            buf.position(buf.position() + propertiesLength);
            items.add(new Item(flag, bodyOffset, bodyLength, properties));
        }
        return items;
    }

    public static List<Message> decode(byte[] batchBody, String topic) {
        List<Message> messages = new ArrayList<>();
        for (Item item : items(batchBody)) {
            Message msg = new Message();
            msg.setTopic(topic);
            msg.setFlag(item.flag());
            byte[] body = new byte[item.bodyLength()];
            System.arraycopy(batchBody, item.bodyOffset(), body, 0, body.length);
            msg.setBody(body);
            msg.setProperties(MessageProperties.decode(item.properties()));
            messages.add(msg);
        }
        return messages;
    }
}
