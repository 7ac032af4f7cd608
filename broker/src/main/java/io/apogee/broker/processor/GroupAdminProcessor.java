package io.apogee.broker.processor;

import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicList;
import io.apogee.protocol.body.GroupList;
import io.apogee.protocol.body.QuerySubscriptionResponseBody;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.header.DeleteSubscriptionGroupRequestHeader;
import io.apogee.protocol.header.GetSubscriptionGroupConfigRequestHeader;
import io.apogee.protocol.header.QuerySubscriptionByConsumerRequestHeader;
import io.apogee.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import io.apogee.protocol.header.QueryTopicsByConsumerRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.HashSet;
import java.util.Set;

/**
 * Consumer-group administration: create/list/delete groups, the offset table, which groups consume
 * a topic and what a group consumes.
 */
public class GroupAdminProcessor implements SyncProcessor {
    private final SubscriptionGroupManager groupManager;
    private final ConsumerOffsetManager offsetManager;
    private final ConsumerManager consumerManager;

    public GroupAdminProcessor(SubscriptionGroupManager groupManager, ConsumerOffsetManager offsetManager,
                               ConsumerManager consumerManager) {
        this.groupManager = groupManager;
        this.offsetManager = offsetManager;
        this.consumerManager = consumerManager;
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
