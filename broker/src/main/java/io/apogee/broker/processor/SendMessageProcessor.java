package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.schedule.RedirectingPut;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.broker.topic.TopicValidator;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageProperties;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.common.message.UniqueIdGenerator;
import io.apogee.protocol.PermName;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicFilterType;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.header.SendMessageRequestHeader;
import io.apogee.protocol.header.SendMessageRequestHeaderV2;
import io.apogee.protocol.header.SendMessageResponseHeader;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * SEND_MESSAGE, SEND_MESSAGE_V2 and SEND_BATCH_MESSAGE. The processor thread validates, builds the
 * stored form and hands it to the store (single messages through the redirects, so a delay level
 * lands in its schedule queue); the response is completed from the store's future, so no thread
 * waits for a disk flush.
 */
public class SendMessageProcessor implements RequestProcessor {
    private final BrokerConfig brokerConfig;
    private final TopicConfigManager topicManager;
    private final SubscriptionGroupManager groupManager;
    private final RedirectingPut put;
    private final MessageStore store;
    private final SendCheck sendCheck;
    private final BooleanSupplier backlogFull;
    private volatile InetSocketAddress storeHost;

    public SendMessageProcessor(BrokerConfig brokerConfig, TopicConfigManager topicManager,
                                SubscriptionGroupManager groupManager, RedirectingPut put, BooleanSupplier backlogFull) {
        this.brokerConfig = brokerConfig;
        this.topicManager = topicManager;
        this.groupManager = groupManager;
        this.put = put;
        this.store = put.store();
        this.sendCheck = new SendCheck(brokerConfig, topicManager);
        this.backlogFull = backlogFull;
    }

    /** Push back (SYSTEM_BUSY "[REJECTREQUEST]...") only when the send queue has no room left at all. */
    @Override
    public boolean rejectRequest() {
        return backlogFull.getAsBoolean();
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        try {
            return send(channel, request);
        } catch (RemotingCommandException e) {
            return done(Responses.error(request, ResponseCode.SYSTEM_ERROR, e.getMessage()));
        }
    }

    private CompletableFuture<RemotingCommand> send(Channel channel, RemotingCommand request) throws RemotingCommandException {
        SendMessageRequestHeader header = decodeHeader(request);
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return done(Responses.error(request, ResponseCode.MESSAGE_ILLEGAL, "the message body is empty"));
        }
        int maxMessageSize = store.getMessageStoreConfig().getMaxMessageSize();
        if (body.length > maxMessageSize) {
            return done(Responses.error(request, ResponseCode.MESSAGE_ILLEGAL,
                    "the message body size over max value, MAX: " + maxMessageSize + ", got: " + body.length));
        }
        Map<String, String> properties = MessageProperties.decode(header.getProperties());
        RemotingCommand retryProblem = prepareRetryTopic(request, header, properties);
        if (retryProblem != null) {
            return done(retryProblem);
        }
        SendCheck.Result check = sendCheck.check(request, header, channel);
        if (check.error() != null) {
            return done(check.error());
        }
        TopicConfig topic = check.topicConfig();
        int queueId = header.getQueueId() < 0
                ? ThreadLocalRandom.current().nextInt(topic.getWriteQueueNums()) : header.getQueueId();
        properties.putIfAbsent(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, UniqueIdGenerator.createUniqId());
        properties.put(MessageConst.PROPERTY_CLUSTER, brokerConfig.getBrokerClusterName());

        if (request.getCode() == RequestCode.SEND_BATCH_MESSAGE) {
            MessageExtBatch batch = new MessageExtBatch();
            fill(batch, channel, header, topic, queueId, body, properties);
            // A batch-level UNIQ_KEY (5.x) must not override each record's own id.
            properties.remove(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
            batch.setProperties(properties);
            batch.syncPropertiesString();
            return store.putMessages(batch).thenApply(result -> response(request, result, queueId, null));
        }
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        fill(msg, channel, header, topic, queueId, body, properties);
        msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(properties.get(MessageConst.PROPERTY_TAGS)));
        msg.syncPropertiesString();
        String uniqKey = properties.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        // As in RocketMQ the answer names the queue the producer chose, even when a redirect (delay
        // level, timer) stored the message in a system queue; the offset is the one actually written.
        return put.put(msg).thenApply(result -> response(request, result, queueId, uniqKey));
    }

    private static SendMessageRequestHeader decodeHeader(RemotingCommand request) throws RemotingCommandException {
        return switch (request.getCode()) {
            case RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE, RequestCode.SEND_REPLY_MESSAGE_V2 ->
                    request.readCustomHeader(SendMessageRequestHeaderV2.class).toV1();
            default -> request.readCustomHeader(SendMessageRequestHeader.class);
        };
    }

    /**
     * A consumer that could not send a failed message back re-sends it to %RETRY%group itself. The
     * group must exist; its retry topic is created on demand, and a message retried too often goes
     * to the group's dead-letter topic instead. Returns an error answer or null.
     */
    private RemotingCommand prepareRetryTopic(RemotingCommand request, SendMessageRequestHeader header,
                                              Map<String, String> properties) {
        String topic = header.getTopic();
        if (topic == null || !TopicValidator.isRetryTopic(topic)) {
            return null;
        }
        String group = topic.substring(TopicValidator.RETRY_GROUP_TOPIC_PREFIX.length());
        SubscriptionGroupConfig groupConfig = groupManager.findOrCreate(group);
        if (groupConfig == null) {
            return Responses.error(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, " + group);
        }
        int maxReconsume = header.getMaxReconsumeTimes() != null ? header.getMaxReconsumeTimes() : groupConfig.getRetryMaxTimes();
        int reconsumeTimes = header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes();
        if (reconsumeTimes > maxReconsume) {
            String dlq = TopicValidator.dlqTopic(group);
            topicManager.createIfAbsent(dlq, 1, PermName.READ_WRITE, 0);
            header.setTopic(dlq);
            header.setQueueId(0);
            properties.remove(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        } else {
            topicManager.createIfAbsent(topic, Math.max(1, groupConfig.getRetryQueueNums()), PermName.READ_WRITE, 0);
        }
        return null;
    }

    private void fill(MessageExtBrokerInner msg, Channel channel, SendMessageRequestHeader header, TopicConfig topic,
                      int queueId, byte[] body, Map<String, String> properties) {
        msg.setTopic(topic.getTopicName());
        msg.setQueueId(queueId);
        msg.setBody(body);
        msg.setFlag(header.getFlag());
        msg.setProperties(properties);
        int sysFlag = header.getSysFlag();
        if (topic.getTopicFilterType() == TopicFilterType.MULTI_TAG) {
            sysFlag |= MessageSysFlag.MULTI_TAGS_FLAG;
        }
        msg.setSysFlag(sysFlag);
        msg.setBornTimestamp(header.getBornTimestamp());
        msg.setBornHost(channel.remoteAddress());
        msg.setStoreHost(storeHost());
        msg.setReconsumeTimes(header.getReconsumeTimes() == null ? 0 : header.getReconsumeTimes());
    }

    private InetSocketAddress storeHost() {
        InetSocketAddress host = storeHost;
        if (host == null) {
            host = new InetSocketAddress(brokerConfig.getBrokerIP1(), brokerConfig.getListenPort());
            storeHost = host;
        }
        return host;
    }

    private RemotingCommand response(RemotingCommand request, PutMessageResult result, int queueId, String uniqKey) {
        int code = PutResultResponses.code(result);
        if (!PutResultResponses.stored(code) || result.getAppendMessageResult() == null) {
            return Responses.error(request, code == ResponseCode.SUCCESS ? ResponseCode.SYSTEM_ERROR : code,
                    PutResultResponses.remark(result));
        }
        SendMessageResponseHeader header = new SendMessageResponseHeader();
        header.setMsgId(result.getAppendMessageResult().getMsgId());
        header.setQueueId(queueId);
        header.setQueueOffset(result.getAppendMessageResult().getLogicsOffset());
        header.setTransactionId(uniqKey);
        RemotingCommand response = RemotingCommand.responseTo(request, code, PutResultResponses.remark(result), header);
        response.addExtField(MessageConst.PROPERTY_MSG_REGION, brokerConfig.getRegionId());
        response.addExtField(MessageConst.PROPERTY_TRACE_SWITCH, String.valueOf(brokerConfig.isTraceOn()));
        return response;
    }

    private static CompletableFuture<RemotingCommand> done(RemotingCommand response) {
        return CompletableFuture.completedFuture(response);
    }
}
