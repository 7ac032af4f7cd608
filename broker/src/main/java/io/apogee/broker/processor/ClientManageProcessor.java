package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.client.ClientChannelInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.client.ProducerManager;
import io.apogee.broker.filter.SubscriptionFilters;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.broker.topic.TopicValidator;
import io.apogee.protocol.PermName;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.CheckClientRequestBody;
import io.apogee.protocol.body.ConsumerData;
import io.apogee.protocol.body.HeartbeatData;
import io.apogee.protocol.body.ProducerData;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.header.UnregisterClientRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;

/** HEART_BEAT, UNREGISTER_CLIENT and CHECK_CLIENT_CONFIG: who is connected, in which groups, with which subscriptions. */
public class ClientManageProcessor implements SyncProcessor {
    private final BrokerConfig brokerConfig;
    private final ProducerManager producerManager;
    private final ConsumerManager consumerManager;
    private final SubscriptionGroupManager groupManager;
    private final TopicConfigManager topicManager;
    private final SubscriptionFilters filters;

    public ClientManageProcessor(BrokerConfig brokerConfig, ProducerManager producerManager, ConsumerManager consumerManager,
                                 SubscriptionGroupManager groupManager, TopicConfigManager topicManager,
                                 SubscriptionFilters filters) {
        this.brokerConfig = brokerConfig;
        this.producerManager = producerManager;
        this.consumerManager = consumerManager;
        this.groupManager = groupManager;
        this.topicManager = topicManager;
        this.filters = filters;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.HEART_BEAT -> heartbeat(channel, request);
            case RequestCode.UNREGISTER_CLIENT -> unregister(channel, request);
            case RequestCode.CHECK_CLIENT_CONFIG -> checkClientConfig(request);
            default -> Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand heartbeat(Channel channel, RemotingCommand request) throws Exception {
        HeartbeatData data = Responses.body(request, HeartbeatData.class);
        ClientChannelInfo info = new ClientChannelInfo(channel, data.getClientID(), request.getLanguage(), request.getVersion());
        for (ConsumerData consumer : data.getConsumerDataSet()) {
            SubscriptionGroupConfig group = groupManager.findOrCreate(consumer.getGroupName());
            boolean notify = brokerConfig.isNotifyConsumerIdsChangedEnable();
            if (group != null) {
                notify &= group.isNotifyConsumerIdsChangedEnable();
                if (group.getRetryQueueNums() > 0) {
                    topicManager.createIfAbsent(TopicValidator.retryTopic(group.getGroupName()), group.getRetryQueueNums(),
                            PermName.READ_WRITE, 0);
                }
            }
            consumerManager.register(consumer.getGroupName(), info, consumer.getConsumeType(), consumer.getMessageModel(),
                    consumer.getConsumeFromWhere(), consumer.getSubscriptionDataSet(), notify);
        }
        for (ProducerData producer : data.getProducerDataSet()) {
            producerManager.register(producer.getGroupName(), info);
        }
        return Responses.success(request);
    }

    private RemotingCommand unregister(Channel channel, RemotingCommand request) throws Exception {
        UnregisterClientRequestHeader header = request.readCustomHeader(UnregisterClientRequestHeader.class);
        if (header.getProducerGroup() != null) {
            producerManager.unregister(header.getProducerGroup(), channel);
        }
        if (header.getConsumerGroup() != null) {
            SubscriptionGroupConfig group = groupManager.find(header.getConsumerGroup());
            boolean notify = brokerConfig.isNotifyConsumerIdsChangedEnable()
                    && (group == null || group.isNotifyConsumerIdsChangedEnable());
            consumerManager.unregister(header.getConsumerGroup(), channel, notify);
        }
        return Responses.success(request);
    }

    /** Consumers ask this at start for non-TAG filters, so an unsupported or malformed one fails before the first pull. */
    private RemotingCommand checkClientConfig(RemotingCommand request) throws Exception {
        CheckClientRequestBody body = Responses.body(request, CheckClientRequestBody.class);
        try {
            filters.filterFor(body.getGroup(), body.getSubscriptionData());
        } catch (SubscriptionFilters.UnsupportedSubscriptionException e) {
            return Responses.error(request, e.parseFailure() ? ResponseCode.SUBSCRIPTION_PARSE_FAILED : ResponseCode.SYSTEM_ERROR,
                    e.getMessage());
        }
        return Responses.success(request);
    }
}
