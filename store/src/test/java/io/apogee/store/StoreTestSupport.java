package io.apogee.store;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageProperties;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small-file configurations and message builders shared by the store tests. */
public final class StoreTestSupport {
    public static final InetSocketAddress BORN = new InetSocketAddress("127.0.0.1", 50000);
    public static final InetSocketAddress STORE = new InetSocketAddress("127.0.0.1", 10911);

    private StoreTestSupport() {
    }

    public static MessageStoreConfig smallConfig(Path dir) {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        config.setMappedFileSizeCommitLog(1024 * 1024);
        config.setMappedFileSizeConsumeQueue(1000 * 20);
        config.setMaxMessageSize(512 * 1024);
        config.setMaxHashSlotNum(1000);
        config.setMaxIndexNum(4000);
        config.setFlushIntervalCommitLog(50);
        config.setFlushIntervalConsumeQueue(50);
        config.setCleanResourceInterval(50);
        return config;
    }

    public static MessageExtBrokerInner message(String topic, int queueId, byte[] body, String tags, String keys) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(topic);
        msg.setQueueId(queueId);
        msg.setBody(body);
        msg.setBornHost(BORN);
        msg.setStoreHost(STORE);
        msg.setBornTimestamp(System.currentTimeMillis());
        Map<String, String> props = new LinkedHashMap<>();
        if (tags != null) {
            props.put(MessageConst.PROPERTY_TAGS, tags);
        }
        if (keys != null) {
            props.put(MessageConst.PROPERTY_KEYS, keys);
        }
        props.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "true");
        msg.setProperties(props);
        msg.setPropertiesString(MessageProperties.encode(props));
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(tags));
        return msg;
    }

    public static MessageExtBrokerInner message(String topic, int queueId, byte[] body) {
        return message(topic, queueId, body, null, null);
    }

    /** Reads one message by queue offset, decoding it; null if absent. */
    public static MessageExt read(MessageStore store, String topic, int queueId, long offset) {
        GetMessageResult r = store.getMessage("g", topic, queueId, offset, 1, Integer.MAX_VALUE, MessageFilter.ALL);
        try {
            return r.getStatus() == GetMessageStatus.FOUND ? DefaultMessageStore.decode(r.getMessageBufferList().get(0))
                    : null;
        } finally {
            r.release();
        }
    }
}
