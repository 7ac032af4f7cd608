package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.body.ConsumeStats;
import io.apogee.protocol.body.GroupList;
import io.apogee.protocol.TopicList;
import io.apogee.protocol.body.OffsetWrapper;
import io.apogee.protocol.body.QuerySubscriptionResponseBody;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.header.DeleteSubscriptionGroupRequestHeader;
import io.apogee.protocol.header.GetConsumeStatsRequestHeader;
import io.apogee.protocol.header.GetSubscriptionGroupConfigRequestHeader;
import io.apogee.protocol.header.QuerySubscriptionByConsumerRequestHeader;
import io.apogee.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import io.apogee.protocol.header.QueryTopicsByConsumerRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.netty.channel.Channel;
import java.util.HashSet;
import java.util.Set;

/**
 * Consumer-group administration: create/list/delete groups, the offset table, consume progress
 * (GET_CONSUME_STATS), which groups consume a topic and what a group consumes.
 */
public class GroupAdminProcessor implements SyncProcessor {
    private final BrokerConfig brokerConfig;
    private final SubscriptionGroupManager groupManager;
    private final ConsumerOffsetManager offsetManager;
    private final ConsumerManager consumerManager;
    private final TopicConfigManager topicManager;
    private final MessageStore store;

    public GroupAdminProcessor(BrokerConfig brokerConfig, SubscriptionGroupManager groupManager, ConsumerOffsetManager offsetManager,
                               ConsumerManager consumerManager, TopicConfigManager topicManager, MessageStore store) {
        this.brokerConfig = brokerConfig;
        this.groupManager = groupManager;
        this.offsetManager = offsetManager;
        this.consumerManager = consumerManager;
        this.topicManager = topicManager;
        this.store = store;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP -> {
                SubscriptionGroupConfig config = Responses.body(request, SubscriptionGroupConfig.class);
                if (config.getGroupName() == null || config.getGroupName().isBlank()) {
                    yield Responses.error(request, ResponseCode.SYSTEM_ERROR, "groupName is missing");
                }
                groupManager.update(config);
                yield Responses.success(request);
            }
            case RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG -> Responses.json(request, groupManager.snapshot());
            case RequestCode.GET_SUBSCRIPTIONGROUP_CONFIG -> {
                String group = request.readCustomHeader(GetSubscriptionGroupConfigRequestHeader.class).getGroup();
                SubscriptionGroupConfig config = groupManager.find(group);
                yield config == null
                        ? Responses.error(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "No group in this broker. group: " + group)
                        : Responses.json(request, config);
            }
            case RequestCode.DELETE_SUBSCRIPTIONGROUP -> deleteGroup(request);
            case RequestCode.GET_ALL_CONSUMER_OFFSET -> Responses.json(request, offsetManager.snapshot());
            case RequestCode.GET_CONSUME_STATS -> consumeStats(request);
            case RequestCode.QUERY_TOPIC_CONSUME_BY_WHO -> consumedBy(request);
            case RequestCode.QUERY_TOPICS_BY_CONSUMER -> {
                String group = request.readCustomHeader(QueryTopicsByConsumerRequestHeader.class).getGroup();
                yield Responses.json(request, new TopicList(offsetManager.topicsOfGroup(group)));
            }
            case RequestCode.QUERY_SUBSCRIPTION_BY_CONSUMER -> subscriptionOf(request);
            default -> Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand deleteGroup(RemotingCommand request) throws Exception {
        DeleteSubscriptionGroupRequestHeader header = request.readCustomHeader(DeleteSubscriptionGroupRequestHeader.class);
        groupManager.delete(header.getGroupName());
        if (Boolean.TRUE.equals(header.getCleanOffset()) || Boolean.TRUE.equals(header.getRemoveOffset())) {
            offsetManager.removeGroup(header.getGroupName());
        }
        return Responses.success(request);
    }

    /** Every read queue of each topic the group has offsets for (or the asked topic); an online group only for topics it subscribes. */
    private RemotingCommand consumeStats(RemotingCommand request) throws Exception {
        GetConsumeStatsRequestHeader header = request.readCustomHeader(GetConsumeStatsRequestHeader.class);
        String group = header.getConsumerGroup();
        Set<String> topics = header.getTopic() != null && !header.getTopic().isEmpty()
                ? Set.of(header.getTopic()) : offsetManager.topicsOfGroup(group);
        ConsumerGroupInfo online = consumerManager.group(group);
        ConsumeStats stats = new ConsumeStats();
        for (String topic : topics) {
            TopicConfig config = topicManager.select(topic);
            if (config == null || (online != null && !online.isEmpty() && online.subscription(topic) == null)) {
                continue;
            }
            for (int queueId = 0; queueId < config.getReadQueueNums(); queueId++) {
                OffsetWrapper wrapper = new OffsetWrapper();
                wrapper.setBrokerOffset(Math.max(0, store.getMaxOffsetInQueue(topic, queueId)));
                long consumed = Math.max(0, offsetManager.queryOffset(group, topic, queueId));
                wrapper.setConsumerOffset(consumed);
                wrapper.setPullOffset(consumed);
                if (consumed > 0) {
                    wrapper.setLastTimestamp(Math.max(0, store.getMessageStoreTimeStamp(topic, queueId, consumed - 1)));
                }
                stats.getOffsetTable().put(new MessageQueue(topic, brokerConfig.getBrokerName(), queueId), wrapper);
            }
        }
        return Responses.json(request, stats);
    }

    private RemotingCommand subscriptionOf(RemotingCommand request) throws Exception {
        QuerySubscriptionByConsumerRequestHeader header = request.readCustomHeader(QuerySubscriptionByConsumerRequestHeader.class);
        QuerySubscriptionResponseBody body = new QuerySubscriptionResponseBody();
        body.setGroup(header.getGroup());
        body.setTopic(header.getTopic());
        body.setSubscriptionData(consumerManager.findSubscription(header.getGroup(), header.getTopic()));
        return Responses.json(request, body);
    }

    private RemotingCommand consumedBy(RemotingCommand request) throws Exception {
        QueryTopicConsumeByWhoRequestHeader header = request.readCustomHeader(QueryTopicConsumeByWhoRequestHeader.class);
        Set<String> groups = new HashSet<>(consumerManager.groupsSubscribing(header.getTopic()));
        groups.addAll(offsetManager.groupsOfTopic(header.getTopic()));
        GroupList list = new GroupList();
        list.setGroupList(groups);
        return Responses.json(request, list);
    }
}
