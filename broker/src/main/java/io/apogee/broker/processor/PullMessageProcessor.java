package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.filter.SubscriptionFilters;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.longpolling.PullRequest;
import io.apogee.broker.longpolling.PullRequestHoldService;
import io.apogee.broker.longpolling.PullRequestReplayer;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.protocol.PermName;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.header.PullMessageRequestHeader;
import io.apogee.protocol.header.PullMessageResponseHeader;
import io.apogee.protocol.header.PullSysFlag;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.BrokerRole;
import io.apogee.store.GetMessageResult;
import io.apogee.store.MessageFilter;
import io.apogee.store.MessageStore;
import io.apogee.store.MessageStoreConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * PULL_MESSAGE and LITE_PULL_MESSAGE. Validates group, topic, queue and subscription, reads from the
 * store with the tag or SQL92 filter, and answers with the stored records as the body without copying them.
 * A pull that finds nothing and may be suspended is parked in the {@link PullRequestHoldService} and
 * answered later through the same future.
 */
public class PullMessageProcessor implements RequestProcessor, PullRequestReplayer {
    private static final long MASTER_ID = 0;

    private final BrokerConfig brokerConfig;
    private final TopicConfigManager topicManager;
    private final SubscriptionGroupManager groupManager;
    private final ConsumerManager consumerManager;
    private final ConsumerOffsetManager offsetManager;
    private final MessageStore store;
    private final SubscriptionFilters filters;
    private volatile PullRequestHoldService holdService;
    private volatile ExecutorService replayExecutor;

    public PullMessageProcessor(BrokerConfig brokerConfig, TopicConfigManager topicManager, SubscriptionGroupManager groupManager,
                                ConsumerManager consumerManager, ConsumerOffsetManager offsetManager, MessageStore store,
                                SubscriptionFilters filters) {
        this.brokerConfig = brokerConfig;
        this.topicManager = topicManager;
        this.groupManager = groupManager;
        this.consumerManager = consumerManager;
        this.offsetManager = offsetManager;
        this.store = store;
        this.filters = filters;
    }

    /** Wired after construction because the hold service calls back into this processor. */
    public void attach(PullRequestHoldService holdService, ExecutorService replayExecutor) {
        this.holdService = holdService;
        this.replayExecutor = replayExecutor;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        CompletableFuture<RemotingCommand> response = new CompletableFuture<>();
        execute(channel, request, response, true, Long.MAX_VALUE);
        return response;
    }

    @Override
    public void replay(PullRequest parked, boolean timedOut) {
        if (!parked.channel().isActive()) {
            // The consumer is gone; nobody is waiting for the answer.
            parked.response().complete(null);
            return;
        }
        try {
            replayExecutor.execute(() -> execute(parked.channel(), parked.request(), parked.response(), false,
                    timedOut ? -1 : parked.deadlineMillis()));
        } catch (RejectedExecutionException e) {
            parked.response().complete(Responses.error(parked.request(), ResponseCode.SYSTEM_BUSY,
                    "[REJECTREQUEST]system busy, the pull thread pool is full"));
        }
    }

    /**
     * @param firstPass   true for the request as it arrived (it may commit the carried offset)
     * @param holdUntil   when a parked request must be answered; MAX_VALUE on the first pass (the
     *                    hold time starts now), -1 when the hold time is over
     */
    private void execute(Channel channel, RemotingCommand request, CompletableFuture<RemotingCommand> response,
                         boolean firstPass, long holdUntil) {
        try {
            RemotingCommand answer = pull(channel, request, response, firstPass, holdUntil);
            if (answer != null) {
                response.complete(answer);
            }
        } catch (RemotingCommandException e) {
            response.complete(Responses.error(request, ResponseCode.SYSTEM_ERROR, e.getMessage()));
        } catch (RuntimeException e) {
            response.complete(Responses.error(request, ResponseCode.SYSTEM_ERROR, String.valueOf(e.getMessage())));
        }
    }

    /** The answer, or null when the request was parked. */
    private RemotingCommand pull(Channel channel, RemotingCommand request, CompletableFuture<RemotingCommand> response,
                                 boolean firstPass, long holdUntil) throws RemotingCommandException {
        PullMessageRequestHeader header = request.readCustomHeader(PullMessageRequestHeader.class);
        if (!PermName.isReadable(brokerConfig.getBrokerPermission())) {
            return Responses.error(request, ResponseCode.NO_PERMISSION,
                    "the broker[" + brokerConfig.getBrokerIP1() + "] pulling message is forbidden");
        }
        SubscriptionGroupConfig group = groupManager.findOrCreate(header.getConsumerGroup());
        if (group == null) {
            return Responses.error(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "subscription group [" + header.getConsumerGroup() + "] does not exist");
        }
        if (!group.isConsumeEnable()) {
            return Responses.error(request, ResponseCode.NO_PERMISSION,
                    "subscription group no permission, " + header.getConsumerGroup());
        }
        TopicConfig topic = topicManager.select(header.getTopic());
        if (topic == null) {
            return Responses.error(request, ResponseCode.TOPIC_NOT_EXIST,
                    "topic[" + header.getTopic() + "] not exist, apply first please!");
        }
        if (!PermName.isReadable(topic.getPerm())) {
            return Responses.error(request, ResponseCode.NO_PERMISSION,
                    "the topic[" + header.getTopic() + "] pulling message is forbidden");
        }
        int queueId = header.getQueueId();
        if (queueId < 0 || queueId >= topic.getReadQueueNums()) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "queueId[" + queueId + "] is illegal, topic:["
                    + header.getTopic() + "] topicConfig.readQueueNums:[" + topic.getReadQueueNums() + "]");
        }
        SubscriptionResult subscription = subscription(request, header, group);
        if (subscription.error() != null) {
            return subscription.error();
        }
        FilterResult filterResult = filter(request, header.getConsumerGroup(), subscription.data());
        if (filterResult.error() != null) {
            return filterResult.error();
        }
        MessageFilter filter = filterResult.filter();
        GetMessageResult result = store.getMessage(header.getConsumerGroup(), header.getTopic(), queueId,
                header.getQueueOffset(), maxMessages(header), maxBytes(header), filter);

        if (firstPass && PullSysFlag.hasCommitOffset(header.getSysFlag()) && header.getCommitOffset() >= 0) {
            offsetManager.commitOffset(header.getConsumerGroup(), header.getTopic(), queueId, header.getCommitOffset());
        }
        int code = PullStatusCodes.code(result.getStatus(), header.getQueueOffset());
        long deadline = firstPass ? System.currentTimeMillis() + holdMillis(header) : holdUntil;
        boolean suspend = PullSysFlag.hasSuspend(header.getSysFlag()) && holdUntil >= 0;
        if (code == ResponseCode.PULL_NOT_FOUND && suspend && System.currentTimeMillis() < deadline) {
            result.release();
            holdService.suspend(new PullRequest(request, channel, header.getTopic(), queueId, header.getQueueOffset(),
                    deadline, filter, response));
            return null;
        }
        PullMessageResponseHeader responseHeader = new PullMessageResponseHeader();
        responseHeader.setNextBeginOffset(result.getNextBeginOffset());
        responseHeader.setMinOffset(result.getMinOffset());
        responseHeader.setMaxOffset(result.getMaxOffset());
        responseHeader.setSuggestWhichBrokerId(suggestedBroker(result, group));
        if (code == ResponseCode.PULL_OFFSET_MOVED && isUncheckedSlave()) {
            // A slave may just lag its master: it must not move the consumer's offset, only ask it to retry.
            code = ResponseCode.PULL_RETRY_IMMEDIATELY;
            responseHeader.setNextBeginOffset(header.getQueueOffset());
            responseHeader.setSuggestWhichBrokerId(group.getBrokerId());
        }
        RemotingCommand answer = RemotingCommand.responseTo(request, code, result.getStatus().name(), responseHeader);
        if (code == ResponseCode.SUCCESS) {
            // The composite owns the store's retained slices; the encoder writes and releases it.
            ByteBuf body = Unpooled.wrappedBuffer(result.getMessageBufferList().toArray(new ByteBuf[0]));
            answer.setBodyBuffer(body);
        } else {
            result.release();
        }
        return answer;
    }

    /**
     * RocketMQ's rule: the master unless slave reading is on; then the group's broker, or its
     * whichBrokerWhenConsumeSlowly when the consumer reads so far behind that it hits the disk.
     */
    private long suggestedBroker(GetMessageResult result, SubscriptionGroupConfig group) {
        if (!brokerConfig.isSlaveReadEnable()) {
            return MASTER_ID;
        }
        return result.isSuggestPullingFromSlave() ? group.getWhichBrokerWhenConsumeSlowly() : group.getBrokerId();
    }

    private boolean isUncheckedSlave() {
        MessageStoreConfig config = store.getMessageStoreConfig();
        return config.getBrokerRole() == BrokerRole.SLAVE && !config.isOffsetCheckInSlave();
    }

    /** The client's wish, capped by the broker so one pull cannot monopolise a pull thread or the connection. */
    private int maxMessages(PullMessageRequestHeader header) {
        return Math.min(header.getMaxMsgNums(), store.getMessageStoreConfig().getMaxTransferCountOnMessageInMemory());
    }

    private int maxBytes(PullMessageRequestHeader header) {
        int cap = store.getMessageStoreConfig().getMaxTransferBytesOnMessageInMemory();
        Integer wanted = header.getMaxMsgBytes();
        return wanted == null || wanted <= 0 ? cap : Math.min(wanted, cap);
    }

    private long holdMillis(PullMessageRequestHeader header) {
        return brokerConfig.isLongPollingEnable() ? header.getSuspendTimeoutMillis() : brokerConfig.getShortPollingTimeMills();
    }

    private record SubscriptionResult(SubscriptionData data, RemotingCommand error) {
    }

    /** The subscription to filter with: from the request when it carries one, else from the group's heartbeats. */
    private SubscriptionResult subscription(RemotingCommand request, PullMessageRequestHeader header, SubscriptionGroupConfig group) {
        SubscriptionData data;
        if (PullSysFlag.hasSubscription(header.getSysFlag())) {
            data = SubscriptionData.of(header.getTopic(), header.getSubscription(), header.getExpressionType());
            data.setSubVersion(header.getSubVersion());
        } else {
            ConsumerGroupInfo consumers = consumerManager.group(header.getConsumerGroup());
            if (consumers == null) {
                return new SubscriptionResult(null, Responses.error(request, ResponseCode.SUBSCRIPTION_NOT_EXIST,
                        "the consumer's group info not exist"));
            }
            if (!group.isConsumeBroadcastEnable() && consumers.messageModel() == MessageModel.BROADCASTING) {
                return new SubscriptionResult(null, Responses.error(request, ResponseCode.NO_PERMISSION,
                        "the consumer group[" + header.getConsumerGroup() + "] can not consume by broadcast way"));
            }
            data = consumers.subscription(header.getTopic());
            if (data == null) {
                return new SubscriptionResult(null, Responses.error(request, ResponseCode.SUBSCRIPTION_NOT_EXIST,
                        "the consumer's subscription not exist"));
            }
            if (data.getSubVersion() < header.getSubVersion()) {
                return new SubscriptionResult(null, Responses.error(request, ResponseCode.SUBSCRIPTION_NOT_LATEST,
                        "the consumer's subscription not latest"));
            }
        }
        return new SubscriptionResult(data, null);
    }

    private record FilterResult(MessageFilter filter, RemotingCommand error) {
    }

    private FilterResult filter(RemotingCommand request, String group, SubscriptionData data) {
        try {
            return new FilterResult(filters.filterFor(group, data), null);
        } catch (SubscriptionFilters.UnsupportedSubscriptionException e) {
            int code = e.parseFailure() ? ResponseCode.SUBSCRIPTION_PARSE_FAILED : ResponseCode.SYSTEM_ERROR;
            return new FilterResult(null, Responses.error(request, code, e.getMessage()));
        }
    }
}
