package io.apogee.client.impl.producer;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encodes the body of SEND_BATCH_MESSAGE: one short record per message (message.md §6). */
public final class BatchEncoder {
    private BatchEncoder() {
    }

    public static byte[] encode(List<Message> messages) {
        List<byte[]> properties = new ArrayList<>(messages.size());
        int total = 0;
        for (Message msg : messages) {
            byte[] props = MessageProperties.encode(msg.getProperties()).getBytes(StandardCharsets.UTF_8);
            properties.add(props);
            total += 4 + 4 + 4 + 4 + 4 + msg.getBody().length + 2 + props.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        for (int i = 0; i < messages.size(); i++) {
            Message msg = messages.get(i);
            byte[] props = properties.get(i);
            buf.putInt(20 + msg.getBody().length + props.length);
            buf.putInt(0); // magic code: unused in batch records
            buf.putInt(0); // body CRC: computed by the broker
            buf.putInt(msg.getFlag());
            buf.putInt(msg.getBody().length);
            buf.put(msg.getBody());
            buf.putShort((short) props.length);
            buf.put(props);
        }
        return buf.array();
    }
}
