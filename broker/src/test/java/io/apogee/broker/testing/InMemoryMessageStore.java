package io.apogee.broker.testing;

import io.apogee.common.message.BatchBodyDecoder;
import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageIds;
import io.apogee.common.message.MessageProperties;
import io.apogee.store.AppendMessageResult;
import io.apogee.store.AppendMessageStatus;
import io.apogee.store.GetMessageResult;
import io.apogee.store.GetMessageStatus;
import io.apogee.store.MessageArrivingListener;
import io.apogee.store.MessageFilter;
import io.apogee.store.MessageStore;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.QueryMessageResult;
import io.apogee.store.StoreResults;
import io.apogee.store.StoreStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A message store in memory for broker unit tests: same offsets, record bytes and status rules as
 * the real store, dispatch listeners called on a separate thread like the real dispatcher, but no
 * files. Not for production; it never forgets a message.
 */
public class InMemoryMessageStore implements MessageStore {
    private record Entry(long phyOffset, byte[] record, long tagsCode, long storeTime, String topic, String properties) {
    }

    private final MessageStoreConfig config;
    private final List<Entry> commitLog = new ArrayList<>();
    private final Map<String, List<Entry>> queues = new ConcurrentHashMap<>();
    private final List<MessageArrivingListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor();
    private long maxPhyOffset;

    public InMemoryMessageStore(MessageStoreConfig config) {
        this.config = config;
    }

    @Override
    public void start() {
    }

    @Override
    public void shutdown() {
        dispatcher.shutdownNow();
    }

    private static String key(String topic, int queueId) {
        return topic + "@" + queueId;
    }

    @Override
    public synchronized CompletableFuture<PutMessageResult> putMessage(MessageExtBrokerInner msg) {
        Entry entry = append(msg, msg.getPropertiesString(), msg.getTagsCode());
        AppendMessageResult result = new AppendMessageResult(AppendMessageStatus.PUT_OK, entry.phyOffset(), entry.record().length,
                () -> MessageIds.createOffsetMessageId(msg.getStoreHost(), entry.phyOffset()), entry.storeTime(),
                queue(msg.getTopic(), msg.getQueueId()).size() - 1L, 1);
        return CompletableFuture.completedFuture(new PutMessageResult(PutMessageStatus.PUT_OK, result));
    }

    @Override
    public synchronized CompletableFuture<PutMessageResult> putMessages(MessageExtBatch batch) {
        List<String> ids = new ArrayList<>();
        long firstPhy = -1;
        long firstQueueOffset = queue(batch.getTopic(), batch.getQueueId()).size();
        List<BatchBodyDecoder.Item> items = BatchBodyDecoder.items(batch.getBody());
        for (BatchBodyDecoder.Item item : items) {
            MessageExtBrokerInner msg = new MessageExtBrokerInner();
            msg.setTopic(batch.getTopic());
            msg.setQueueId(batch.getQueueId());
            msg.setFlag(item.flag());
            byte[] body = new byte[item.bodyLength()];
            System.arraycopy(batch.getBody(), item.bodyOffset(), body, 0, body.length);
            msg.setBody(body);
            Map<String, String> props = MessageProperties.decode(batch.getPropertiesString());
            props.putAll(MessageProperties.decode(item.properties()));
            msg.setBornTimestamp(batch.getBornTimestamp());
            msg.setBornHost(batch.getBornHost());
            msg.setStoreHost(batch.getStoreHost());
            msg.setSysFlag(batch.getSysFlag());
            Entry entry = append(msg, MessageProperties.encode(props),
                    MessageExtBrokerInner.tagsString2tagsCode(props.get(MessageConst.PROPERTY_TAGS)));
            firstPhy = firstPhy < 0 ? entry.phyOffset() : firstPhy;
            ids.add(MessageIds.createOffsetMessageId(batch.getStoreHost(), entry.phyOffset()));
        }
        AppendMessageResult result = new AppendMessageResult(AppendMessageStatus.PUT_OK, firstPhy, 0,
                () -> String.join(",", ids), System.currentTimeMillis(), firstQueueOffset, items.size());
        return CompletableFuture.completedFuture(new PutMessageResult(PutMessageStatus.PUT_OK, result));
    }

    private List<Entry> queue(String topic, int queueId) {
        return queues.computeIfAbsent(key(topic, queueId), k -> new CopyOnWriteArrayList<>());
    }

    private Entry append(MessageExtBrokerInner msg, String properties, long tagsCode) {
        List<Entry> queue = queue(msg.getTopic(), msg.getQueueId());
        long storeTime = System.currentTimeMillis();
        msg.setPropertiesString(properties);
        msg.setQueueOffset(queue.size());
        msg.setCommitLogOffset(maxPhyOffset);
        msg.setStoreTimestamp(storeTime);
        byte[] record = MessageCodec.encode(msg);
        Entry entry = new Entry(maxPhyOffset, record, tagsCode, storeTime, msg.getTopic(), properties);
        maxPhyOffset += record.length;
        commitLog.add(entry);
        queue.add(entry);
        long queueOffset = queue.size() - 1L;
        dispatcher.execute(() -> listeners.forEach(l -> l.arriving(msg.getTopic(), msg.getQueueId(), queueOffset, tagsCode,
                storeTime, MessageProperties.decode(properties))));
        return entry;
    }

    @Override
    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                       int maxTotalBytes, MessageFilter filter) {
        List<Entry> queue = queue(topic, queueId);
        int max = queue.size();
        if (max == 0) {
            return StoreResults.get(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, 0, 0, List.of(), List.of());
        }
        if (offset < 0) {
            return StoreResults.get(GetMessageStatus.OFFSET_TOO_SMALL, 0, 0, max, List.of(), List.of());
        }
        if (offset == max) {
            return StoreResults.get(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, 0, max, List.of(), List.of());
        }
        if (offset > max) {
            return StoreResults.get(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, 0, max, List.of(), List.of());
        }
        List<ByteBuf> buffers = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        long next = offset;
        int bytes = 0;
        for (long i = offset; i < max && buffers.size() < maxMsgNums && bytes < maxTotalBytes; i++) {
            Entry entry = queue.get((int) i);
            next = i + 1;
            if (filter.isMatchedByConsumeQueue(entry.tagsCode())) {
                buffers.add(Unpooled.wrappedBuffer(entry.record()));
                offsets.add(i);
                bytes += entry.record().length;
            }
        }
        GetMessageStatus status = buffers.isEmpty() ? GetMessageStatus.NO_MATCHED_MESSAGE : GetMessageStatus.FOUND;
        return StoreResults.get(status, next, 0, max, buffers, offsets);
    }

    @Override
    public synchronized MessageExt lookMessageByOffset(long commitLogOffset) {
        for (Entry entry : commitLog) {
            if (entry.phyOffset() == commitLogOffset) {
                return MessageCodec.decode(ByteBuffer.wrap(entry.record()), true, false);
            }
        }
        return null;
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset, int size) {
        return lookMessageByOffset(commitLogOffset);
    }

    @Override
    public synchronized ByteBuf selectOneMessageByOffset(long commitLogOffset) {
        for (Entry entry : commitLog) {
            if (entry.phyOffset() == commitLogOffset) {
                return Unpooled.wrappedBuffer(entry.record());
            }
        }
        return null;
    }

    @Override
    public synchronized QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        List<ByteBuf> found = new ArrayList<>();
        for (Entry entry : commitLog) {
            if (!entry.topic().equals(topic) || entry.storeTime() < begin || entry.storeTime() > end || found.size() >= maxNum) {
                continue;
            }
            Map<String, String> props = MessageProperties.decode(entry.properties());
            String keys = props.getOrDefault(MessageConst.PROPERTY_KEYS, "");
            if (key.equals(props.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)) || Set.of(keys.split(" ")).contains(key)) {
                found.add(Unpooled.wrappedBuffer(entry.record()));
            }
        }
        return StoreResults.query(found, System.currentTimeMillis(), maxPhyOffset);
    }

    @Override
    public long getOffsetInQueueByTime(String topic, int queueId, long timestamp) {
        List<Entry> queue = queue(topic, queueId);
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).storeTime() >= timestamp) {
                return i;
            }
        }
        return queue.size();
    }

    @Override
    public long getEarliestMessageTime(String topic, int queueId) {
        List<Entry> queue = queue(topic, queueId);
        return queue.isEmpty() ? -1 : queue.get(0).storeTime();
    }

    @Override
    public synchronized long getEarliestMessageTime() {
        return commitLog.isEmpty() ? -1 : commitLog.get(0).storeTime();
    }

    @Override
    public long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset) {
        List<Entry> queue = queue(topic, queueId);
        return consumeQueueOffset >= 0 && consumeQueueOffset < queue.size() ? queue.get((int) consumeQueueOffset).storeTime() : -1;
    }

    @Override
    public long getMinOffsetInQueue(String topic, int queueId) {
        return 0;
    }

    @Override
    public long getMaxOffsetInQueue(String topic, int queueId) {
        return queue(topic, queueId).size();
    }

    @Override
    public long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset) {
        List<Entry> queue = queue(topic, queueId);
        return consumeQueueOffset >= 0 && consumeQueueOffset < queue.size() ? queue.get((int) consumeQueueOffset).phyOffset() : 0;
    }

    @Override
    public long getMinPhyOffset() {
        return 0;
    }

    @Override
    public synchronized long getMaxPhyOffset() {
        return maxPhyOffset;
    }

    @Override
    public long dispatchBehindBytes() {
        return 0;
    }

    @Override
    public void addDispatchListener(MessageArrivingListener listener) {
        listeners.add(listener);
    }

    @Override
    public StoreStats getStats() {
        return new StoreStats(commitLog.size(), maxPhyOffset, 0, 0, 0, 0, 0, 0, 0, 0, 0, maxPhyOffset, 0);
    }

    @Override
    public void deleteTopics(Set<String> topics) {
        queues.keySet().removeIf(k -> topics.contains(k.substring(0, k.lastIndexOf('@'))));
    }

    @Override
    public int cleanUnusedTopic(Set<String> retainTopics) {
        return 0;
    }

    @Override
    public MessageStoreConfig getMessageStoreConfig() {
        return config;
    }

    @Override
    public boolean appendToCommitLog(long startOffset, ByteBuffer data) {
        return false;
    }
}
