package io.apogee.broker.retry;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.processor.Responses;
import io.apogee.broker.schedule.RedirectingPut;
import io.apogee.broker.schedule.StoredMessages;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.broker.topic.TopicValidator;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.protocol.PermName;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.PutMessageResult;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CONSUMER_SEND_MSG_BACK: a consumer failed a message. The stored message is copied to the group's
 * retry topic with a delay level (3 + reconsumeTimes unless the consumer asked for one), so it
 * comes back after 10 s, 30 s, 1 m, ...; once it was retried the maximum number of times, or when
 * the consumer asks (negative level), it goes to the group's dead-letter topic instead.
 */
public class SendMessageBackProcessor implements RequestProcessor {
    /** Clients from this protocol version on send their own maximum, which wins over the group's. */
    static final int V3_4_9 = 121;
    private static final int DLQ_QUEUE_NUMS = 1;

    private final BrokerConfig brokerConfig;
    private final TopicConfigManager topicManager;
    private final SubscriptionGroupManager groupManager;
    private final RedirectingPut put;
    private volatile InetSocketAddress storeHost;

    public SendMessageBackProcessor(BrokerConfig brokerConfig, TopicConfigManager topicManager,
                                    SubscriptionGroupManager groupManager, RedirectingPut put) {
        this.brokerConfig = brokerConfig;
        this.topicManager = topicManager;
        this.groupManager = groupManager;
        this.put = put;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws Exception {
        ConsumerSendMsgBackRequestHeader header = request.readCustomHeader(ConsumerSendMsgBackRequestHeader.class);
        SubscriptionGroupConfig group = groupManager.findOrCreate(header.getGroup());
        if (group == null) {
            return done(Responses.error(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "subscription group not exist, " + header.getGroup()));
        }
        if (!PermName.isWriteable(brokerConfig.getBrokerPermission())) {
            return done(Responses.error(request, ResponseCode.NO_PERMISSION,
                    "the broker[" + brokerConfig.getBrokerIP1() + "] sending message is forbidden"));
        }
        if (group.getRetryQueueNums() <= 0) {
            return done(Responses.success(request));
        }
        MessageExt failed = StoredMessages.read(put.store(), header.getOffset());
        if (failed == null) {
            return done(Responses.error(request, ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + header.getOffset()));
        }
        int maxReconsumeTimes = group.getRetryMaxTimes();
        if (request.getVersion() >= V3_4_9 && header.getMaxReconsumeTimes() != null) {
            maxReconsumeTimes = header.getMaxReconsumeTimes();
        }
        int delayLevel = header.getDelayLevel() == null ? 0 : header.getDelayLevel();
        boolean dead = failed.getReconsumeTimes() >= maxReconsumeTimes || delayLevel < 0;
        TopicConfig target = dead
                ? topicManager.createIfAbsent(TopicValidator.dlqTopic(header.getGroup()), DLQ_QUEUE_NUMS, PermName.READ_WRITE, 0)
                : topicManager.createIfAbsent(TopicValidator.retryTopic(header.getGroup()), group.getRetryQueueNums(),
                        PermName.READ_WRITE, 0);
        if (!PermName.isWriteable(target.getPerm())) {
            return done(Responses.error(request, ResponseCode.NO_PERMISSION,
                    "the topic[" + target.getTopicName() + "] sending message is forbidden"));
        }
        MessageExtBrokerInner retry = retryCopy(failed, target, dead ? 0 : delayLevel == 0 ? 3 + failed.getReconsumeTimes() : delayLevel);
        if (dead) {
            retry.putProperty(MessageConst.PROPERTY_DLQ_ORIGIN_TOPIC, retry.getProperty(MessageConst.PROPERTY_RETRY_TOPIC));
            retry.putProperty(MessageConst.PROPERTY_DLQ_ORIGIN_MESSAGE_ID, retry.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID));
        }
        StoredMessages.seal(retry);
        return put.put(retry).thenApply(result -> answer(request, result));
    }

    /**
     * The copy that goes back: one more reconsume, the first topic and first message id kept across
     * all retries, and the chosen delay level (0 = none, for the dead-letter topic).
     */
    private MessageExtBrokerInner retryCopy(MessageExt failed, TopicConfig target, int delayLevel) {
        MessageExtBrokerInner retry = StoredMessages.copyOf(failed);
        retry.setTopic(target.getTopicName());
        retry.setQueueId(ThreadLocalRandom.current().nextInt(target.getWriteQueueNums()));
        retry.setStoreHost(storeHost());
        retry.setReconsumeTimes(failed.getReconsumeTimes() + 1);
        if (retry.getProperty(MessageConst.PROPERTY_RETRY_TOPIC) == null) {
            retry.putProperty(MessageConst.PROPERTY_RETRY_TOPIC, failed.getTopic());
        }
        String originId = retry.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID);
        if (originId == null || originId.isBlank()) {
            retry.putProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, failed.getMsgId());
        }
        retry.setWaitStoreMsgOK(false);
        if (delayLevel > 0) {
            retry.setDelayTimeLevel(delayLevel);
        } else {
            retry.clearProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        }
        return retry;
    }

    private static RemotingCommand answer(RemotingCommand request, PutMessageResult result) {
        if (result.isOk()) {
            return Responses.success(request);
        }
        return Responses.error(request, ResponseCode.SYSTEM_ERROR,
                result.getRemark() != null ? result.getRemark() : result.getPutMessageStatus().name());
    }

    private InetSocketAddress storeHost() {
        InetSocketAddress host = storeHost;
        if (host == null) {
            host = new InetSocketAddress(brokerConfig.getBrokerIP1(), brokerConfig.getListenPort());
            storeHost = host;
        }
        return host;
    }

    private static CompletableFuture<RemotingCommand> done(RemotingCommand response) {
        return CompletableFuture.completedFuture(response);
    }
}
