package io.apogee.broker.offset;

import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.body.ConsumeStats;
import io.apogee.protocol.body.OffsetWrapper;
import io.apogee.protocol.body.QueueTimeSpan;
import io.apogee.store.MessageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How far a consumer group got on this broker's queues: the numbers behind consumerProgress and friends. */
public class ConsumeProgress {
    private final String brokerName;
    private final TopicConfigManager topicManager;
    private final ConsumerOffsetManager offsetManager;
    private final ConsumerManager consumerManager;
    private final MessageStore store;

    public ConsumeProgress(String brokerName, TopicConfigManager topicManager, ConsumerOffsetManager offsetManager,
                           ConsumerManager consumerManager, MessageStore store) {
        this.brokerName = brokerName;
        this.topicManager = topicManager;
        this.offsetManager = offsetManager;
        this.consumerManager = consumerManager;
        this.store = store;
    }

    /**
     * Every read queue of the topic (or, without one, of every topic the group has offsets for). An
     * online group is reported only for the topics it subscribes to, as RocketMQ does.
     */
    public ConsumeStats stats(String group, String topic) {
        Set<String> topics = topic != null && !topic.isEmpty() ? Set.of(topic) : offsetManager.topicsOfGroup(group);
        ConsumerGroupInfo online = consumerManager.group(group);
        ConsumeStats stats = new ConsumeStats();
        for (String name : topics) {
            TopicConfig config = topicManager.select(name);
            if (config == null || (online != null && !online.isEmpty() && online.subscription(name) == null)) {
                continue;
            }
            for (int queueId = 0; queueId < config.getReadQueueNums(); queueId++) {
                stats.getOffsetTable().put(new MessageQueue(name, brokerName, queueId), offsets(group, name, queueId));
            }
        }
        return stats;
    }

    private OffsetWrapper offsets(String group, String topic, int queueId) {
        OffsetWrapper wrapper = new OffsetWrapper();
        wrapper.setBrokerOffset(Math.max(0, store.getMaxOffsetInQueue(topic, queueId)));
        long consumed = Math.max(0, offsetManager.queryOffset(group, topic, queueId));
        wrapper.setConsumerOffset(consumed);
        wrapper.setPullOffset(consumed);
        if (consumed > 0) {
            wrapper.setLastTimestamp(Math.max(0, store.getMessageStoreTimeStamp(topic, queueId, consumed - 1)));
        }
        return wrapper;
    }

    /** Per write queue: store times of the first and last message, and of the last one the group consumed. */
    public List<QueueTimeSpan> timeSpans(String group, String topic) {
        TopicConfig config = topicManager.select(topic);
        List<QueueTimeSpan> spans = new ArrayList<>();
        if (config == null) {
            return spans;
        }
        for (int queueId = 0; queueId < config.getWriteQueueNums(); queueId++) {
            QueueTimeSpan span = new QueueTimeSpan();
            span.setMessageQueue(new MessageQueue(topic, brokerName, queueId));
            long max = store.getMaxOffsetInQueue(topic, queueId);
            span.setMinTimeStamp(Math.max(0, store.getEarliestMessageTime(topic, queueId)));
            span.setMaxTimeStamp(max > 0 ? Math.max(0, store.getMessageStoreTimeStamp(topic, queueId, max - 1)) : 0);
            long consumed = offsetManager.queryOffset(group, topic, queueId);
            long consumeTime = consumed > 0 ? Math.max(0, store.getMessageStoreTimeStamp(topic, queueId, consumed - 1)) : 0;
            span.setConsumeTimeStamp(consumeTime);
            span.setDelayTime(consumed >= 0 && consumed < max
                    ? Math.max(0, System.currentTimeMillis() - store.getMessageStoreTimeStamp(topic, queueId, consumed)) : 0);
            spans.add(span);
        }
        return spans;
    }
}
