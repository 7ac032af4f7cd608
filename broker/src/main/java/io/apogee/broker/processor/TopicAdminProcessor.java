package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.broker.topic.TopicValidator;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicFilterType;
import io.apogee.protocol.TopicList;
import io.apogee.protocol.body.TopicOffset;
import io.apogee.protocol.body.TopicStatsTable;
import io.apogee.protocol.header.CreateTopicRequestHeader;
import io.apogee.protocol.header.DeleteTopicRequestHeader;
import io.apogee.protocol.header.GetTopicConfigRequestHeader;
import io.apogee.protocol.header.GetTopicStatsInfoRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.netty.channel.Channel;
import java.util.Set;

/**
 * Topic administration: UPDATE_AND_CREATE_TOPIC, DELETE_TOPIC_IN_BROKER, GET_ALL_TOPIC_CONFIG,
 * GET_TOPIC_CONFIG, GET_TOPIC_STATS_INFO, GET_SYSTEM_TOPIC_LIST_FROM_BROKER, CLEAN_UNUSED_TOPIC and
 * CLEAN_EXPIRED_CONSUMEQUEUE.
 */
public class TopicAdminProcessor implements SyncProcessor {
    private final BrokerConfig brokerConfig;
    private final TopicConfigManager topicManager;
    private final ConsumerOffsetManager offsetManager;
    private final MessageStore store;

    public TopicAdminProcessor(BrokerConfig brokerConfig, TopicConfigManager topicManager,
                               ConsumerOffsetManager offsetManager, MessageStore store) {
        this.brokerConfig = brokerConfig;
        this.topicManager = topicManager;
        this.offsetManager = offsetManager;
        this.store = store;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_TOPIC -> createTopic(request);
            case RequestCode.DELETE_TOPIC_IN_BROKER -> deleteTopic(request);
            case RequestCode.GET_ALL_TOPIC_CONFIG -> Responses.json(request, topicManager.snapshot());
            case RequestCode.GET_TOPIC_STATS_INFO -> topicStats(request);
            case RequestCode.GET_TOPIC_CONFIG -> topicConfig(request);
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER -> Responses.json(request, new TopicList(topicManager.systemTopics()));
            // Both drop consume queues of topics this broker no longer defines.
            case RequestCode.CLEAN_UNUSED_TOPIC, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE -> {
                store.cleanUnusedTopic(topicManager.table().keySet());
                yield Responses.success(request);
            }
            default -> Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand createTopic(RemotingCommand request) throws Exception {
        CreateTopicRequestHeader header = request.readCustomHeader(CreateTopicRequestHeader.class);
        String topic = header.getTopic();
        String problem = TopicValidator.checkName(topic);
        if (problem != null) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, problem);
        }
        if (topic.equals(brokerConfig.getBrokerClusterName())) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "The topic[" + topic + "] is conflict with system topic.");
        }
        if (header.getReadQueueNums() <= 0 || header.getWriteQueueNums() <= 0) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "queue nums must be positive");
        }
        TopicConfig config = new TopicConfig(topic, header.getReadQueueNums(), header.getWriteQueueNums(), header.getPerm());
        config.setTopicFilterType(TopicFilterType.valueOf(header.getTopicFilterType()));
        config.setTopicSysFlag(header.getTopicSysFlag() == null ? 0 : header.getTopicSysFlag());
        config.setOrder(Boolean.TRUE.equals(header.getOrder()));
        topicManager.updateTopicConfig(config);
        return Responses.success(request);
    }

    private RemotingCommand deleteTopic(RemotingCommand request) throws Exception {
        DeleteTopicRequestHeader header = request.readCustomHeader(DeleteTopicRequestHeader.class);
        topicManager.deleteTopicConfig(header.getTopic());
        store.deleteTopics(Set.of(header.getTopic()));
        offsetManager.removeTopic(header.getTopic());
        return Responses.success(request);
    }

    /**
     * 5.x tools ask for one topic before reading its stats (to detect static topics). The answer is
     * the topic config; without a queue mapping it has no {@code mappingDetail}.
     */
    private RemotingCommand topicConfig(RemotingCommand request) throws Exception {
        String topic = request.readCustomHeader(GetTopicConfigRequestHeader.class).getTopic();
        TopicConfig config = topicManager.select(topic);
        if (config == null) {
            return Responses.error(request, ResponseCode.TOPIC_NOT_EXIST, "No topic in this broker. topic: " + topic);
        }
        return Responses.json(request, config);
    }

    private RemotingCommand topicStats(RemotingCommand request) throws Exception {
        GetTopicStatsInfoRequestHeader header = request.readCustomHeader(GetTopicStatsInfoRequestHeader.class);
        String topic = header.getTopic();
        TopicConfig config = topicManager.select(topic);
        if (config == null) {
            return Responses.error(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist");
        }
        TopicStatsTable table = new TopicStatsTable();
        for (int queueId = 0; queueId < config.getWriteQueueNums(); queueId++) {
            TopicOffset offset = new TopicOffset();
            offset.setMinOffset(Math.max(0, store.getMinOffsetInQueue(topic, queueId)));
            long max = Math.max(0, store.getMaxOffsetInQueue(topic, queueId));
            offset.setMaxOffset(max);
            offset.setLastUpdateTimestamp(max > 0 ? Math.max(0, store.getMessageStoreTimeStamp(topic, queueId, max - 1)) : 0);
            table.getOffsetTable().put(new MessageQueue(topic, brokerConfig.getBrokerName(), queueId), offset);
        }
        return Responses.json(request, table);
    }
}
