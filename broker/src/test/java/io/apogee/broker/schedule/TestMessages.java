package io.apogee.broker.schedule;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.GetMessageResult;
import io.apogee.store.MessageFilter;
import io.apogee.store.MessageStore;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Building producer-like messages and reading a queue back, for the tests of the broker's message features. */
public final class TestMessages {
    public static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    private TestMessages() {
    }

    public static MessageExtBrokerInner message(String topic, int queueId, String body) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(topic);
        msg.setQueueId(queueId);
        msg.setBody(body.getBytes(StandardCharsets.UTF_8));
        msg.setBornTimestamp(System.currentTimeMillis());
        msg.setBornHost(new InetSocketAddress("127.0.0.1", 40000));
        msg.setStoreHost(HOST);
        msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "ID-" + body);
        msg.putProperty(MessageConst.PROPERTY_TAGS, "TagA");
        StoredMessages.seal(msg);
        return msg;
    }

    public static List<MessageExt> readAll(MessageStore store, String topic, int queueId) {
        GetMessageResult result = store.getMessage("test", topic, queueId, 0, 10_000, Integer.MAX_VALUE, MessageFilter.ALL);
        List<MessageExt> out = new ArrayList<>();
        try {
            for (ByteBuf buf : result.getMessageBufferList()) {
                out.add(MessageCodec.decode(buf.nioBuffer(), true, true));
            }
        } finally {
            result.release();
        }
        return out;
    }

    public static String body(MessageExt msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }
}
