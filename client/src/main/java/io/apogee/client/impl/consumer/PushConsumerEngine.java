package io.apogee.client.impl.consumer;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.MessageSelector;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.listener.MessageListener;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.client.consumer.store.LocalFileOffsetStore;
import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.consumer.store.ReadOffsetType;
import io.apogee.client.consumer.store.RemoteBrokerOffsetStore;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.impl.MQConsumerInner;
import io.apogee.client.impl.Validators;
import io.apogee.client.impl.consumer.PullAPIWrapper.PullSpec;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.protocol.body.ConsumerRunningInfo;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.header.PullSysFlag;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push consumer's machinery behind {@link DefaultMQPushConsumer}: subscriptions, the per-queue
 * pull loops with flow control, offsets, send-back of failed messages, and the callbacks the
 * client instance routes to it.
 */
public final class PushConsumerEngine implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(PushConsumerEngine.class);
    private static final long BROKER_SUSPEND_MAX_MILLIS = 15_000;
    private static final long PULL_TIMEOUT_MILLIS = 30_000;
    private static final long DELAY_WHEN_FLOW_CONTROL = 50;
    private static final long DELAY_WHEN_EXCEPTION = 1000;
    private static final long DELAY_WHEN_SUSPENDED = 1000;
    private static final long DELAY_WHEN_NOT_LOCKED = 100;
    private static final long SEND_BACK_TIMEOUT = 5000;
    private static final int DEFAULT_MAX_RECONSUME_TIMES = 16;

    private final DefaultMQPushConsumer config;
    private final ConcurrentMap<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private final ConsumeStatsRecorder stats = new ConsumeStatsRecorder();
    private MQClientInstance instance;
    private RebalancePushImpl rebalance;
    private OffsetStore offsetStore;
    private PullAPIWrapper pullAPI;
    private ConsumeMessageService consumeService;
    private volatile boolean running;
    private volatile boolean paused;

    public PushConsumerEngine(DefaultMQPushConsumer config) {
        this.config = config;
    }

    // ---- lifecycle ----

    public synchronized void start() throws MQClientException {
        if (running) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the push consumer " + config.getConsumerGroup() + " is already running");
        }
        checkConfig();
        if (config.getMessageModel() == MessageModel.CLUSTERING) {
            String retryTopic = RetryTopics.of(config.getConsumerGroup());
            subscriptions.putIfAbsent(retryTopic, SubscriptionData.of(retryTopic, SubscriptionData.SUB_ALL, null));
            config.changeInstanceNameToPID();
        }
        instance = MQClientManager.getInstance().getOrCreateMQClientInstance(config);
        pullAPI = new PullAPIWrapper(instance, config.getConsumerGroup());
        offsetStore = config.getMessageModel() == MessageModel.BROADCASTING
                ? new LocalFileOffsetStore(instance.getClientId(), config.getConsumerGroup())
                : new RemoteBrokerOffsetStore(instance, config.getConsumerGroup());
        offsetStore.load();
        rebalance = new RebalancePushImpl(this);
        MessageListener listener = config.getMessageListener();
        consumeService = listener instanceof MessageListenerOrderly orderly
                ? new ConsumeMessageOrderlyService(this, orderly)
                : new ConsumeMessageConcurrentlyService(this, (MessageListenerConcurrently) listener);
        if (!instance.registerConsumer(config.getConsumerGroup(), this)) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the consumer group " + config.getConsumerGroup()
                    + " has been created before in this client instance (" + instance.getClientId()
                    + "), specify another name or instanceName please");
        }
        consumeService.start();
        instance.start();
        // Routes, then the heartbeat (the brokers must know the group before it pulls), then the first rebalance.
        subscriptions.keySet().forEach(instance::updateTopicRouteInfoFromNameServer);
        try {
            checkFiltersInBroker();
        } catch (MQClientException e) {
            consumeService.shutdown(0);
            instance.unregisterConsumer(config.getConsumerGroup());
            instance.shutdown();
            throw e;
        }
        instance.sendHeartbeatToAllBrokerWithLock();
        running = true;
        instance.rebalanceImmediately();
    }

    /**
     * Lets a broker of each topic judge the SQL92 subscriptions before any pull, as the official
     * consumer does: a malformed expression fails start() with the broker's reason instead of
     * silently delivering nothing. Topics without a route yet are not checked.
     */
    private void checkFiltersInBroker() throws MQClientException {
        for (SubscriptionData sub : subscriptions.values()) {
            String addr = instance.findBrokerAddrByTopic(sub.getTopic());
            if (addr == null || sub.getExpressionType() == null || SubscriptionData.EXPRESSION_TAG.equals(sub.getExpressionType())) {
                continue;
            }
            try {
                instance.getMQClientAPI().checkClientInBroker(addr, config.getConsumerGroup(), instance.getClientId(), sub,
                        config.getMqClientApiTimeout());
            } catch (MQClientException e) {
                throw e;
            } catch (Exception e) {
                throw new MQClientException("could not check the " + sub.getExpressionType() + " subscription of "
                        + sub.getTopic() + " with broker " + addr, e);
            }
        }
    }

    private void checkConfig() throws MQClientException {
        Validators.checkGroup(config.getConsumerGroup());
        if (config.getMessageListener() == null) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "messageListener is null: register a listener before start()");
        }
        if (!(config.getMessageListener() instanceof MessageListenerOrderly)
                && !(config.getMessageListener() instanceof MessageListenerConcurrently)) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR,
                    "messageListener must be a MessageListenerOrderly or a MessageListenerConcurrently");
        }
        if (config.getMessageModel() == null || config.getAllocateMessageQueueStrategy() == null) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "messageModel and allocateMessageQueueStrategy must be set");
        }
        if (config.getConsumeThreadMin() < 1 || config.getConsumeThreadMax() < config.getConsumeThreadMin()) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "consumeThreadMin must be ≥ 1 and ≤ consumeThreadMax");
        }
        if (config.getConsumeMessageBatchMaxSize() < 1 || config.getConsumeMessageBatchMaxSize() > 1024) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "consumeMessageBatchMaxSize must be in [1, 1024]");
        }
        if (config.getConsumeTimeout() < 1) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "consumeTimeout must be at least 1 minute");
        }
        if (config.getPullThresholdForTopic() != -1 && config.getPullThresholdForTopic() < 1
                || config.getPullThresholdSizeForTopic() != -1 && config.getPullThresholdSizeForTopic() < 1) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "pullThresholdForTopic and pullThresholdSizeForTopic must be -1 or ≥ 1");
        }
        if (config.getPullBatchSize() < 1 || config.getPullBatchSize() > 1024) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "pullBatchSize must be in [1, 1024]");
        }
    }

    public synchronized void shutdown(long awaitTerminateMillis) {
        if (!running) {
            return;
        }
        running = false;
        consumeService.shutdown(awaitTerminateMillis);
        // Synchronously, so a consumer restarted right after resumes exactly where this one stopped.
        if (config.getMessageModel() == MessageModel.CLUSTERING) {
            rebalance.processQueueTable().keySet().forEach(offsetStore::persist);
        } else {
            offsetStore.persistAll(Set.copyOf(rebalance.processQueueTable().keySet()));
        }
        if (consumeService.orderly() && config.getMessageModel() == MessageModel.CLUSTERING) {
            rebalance.unlockAll(false);
        }
        rebalance.dropAll();
        instance.unregisterConsumer(config.getConsumerGroup());
        instance.shutdown();
    }

    public void suspend() {
        paused = true;
    }

    public void resume() {
        paused = false;
        if (instance != null) {
            instance.rebalanceImmediately();
        }
    }

    // ---- subscriptions ----

    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        Validators.checkTopic(topic);
        subscriptions.put(topic, SubscriptionData.of(topic, selector.getExpression(), selector.getExpressionType()));
        if (running) {
            instance.updateTopicRouteInfoFromNameServer(topic);
            instance.sendHeartbeatToAllBrokerWithLock();
            instance.rebalanceImmediately();
        }
    }

    public void unsubscribe(String topic) {
        subscriptions.remove(topic);
    }

    public MQAdminImpl mqAdminImpl() throws MQClientException {
        if (!running) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the consumer is not running");
        }
        return new MQAdminImpl(instance.getMQClientAPI(), config.getMqClientApiTimeout());
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        if (!running) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the consumer is not running");
        }
        Set<MessageQueue> queues = rebalance.topicSubscribeInfo(topic);
        if (queues == null && instance.updateTopicRouteInfoFromNameServer(topic)) {
            queues = io.apogee.client.impl.RouteConverter.toSubscribeInfo(topic, instance.route(topic));
        }
        if (queues == null) {
            throw new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "Can not find Message Queue for this topic, " + topic);
        }
        return queues;
    }

    public Set<MessageQueue> assignedMessageQueues() {
        return rebalance == null ? Set.of() : Set.copyOf(rebalance.processQueueTable().keySet());
    }

    // ---- pull loop ----

    void executePullImmediately(PullRequest request) {
        instance.getPullMessageService().executeImmediately(() -> pullMessage(request));
    }

    private void executePullLater(PullRequest request, long delayMillis) {
        instance.getPullMessageService().executeLater(() -> pullMessage(request), delayMillis);
    }

    /**
     * The cache limit of one queue: {@code perQueue}, unless a topic-wide limit is set ({@code perTopic}
     * other than -1), which is then split evenly over the topic's queues this consumer holds.
     */
    private long queueShare(int perQueue, int perTopic, String topic) {
        if (perTopic == -1) {
            return perQueue;
        }
        long held = rebalance.processQueueTable().keySet().stream().filter(mq -> mq.getTopic().equals(topic)).count();
        return Math.max(1, perTopic / Math.max(1, held));
    }

    private void pullMessage(PullRequest request) {
        ProcessQueue pq = request.getProcessQueue();
        if (pq.isDropped() || !running) {
            return;
        }
        pq.setLastPullTimestamp(System.currentTimeMillis());
        if (paused) {
            executePullLater(request, DELAY_WHEN_SUSPENDED);
            return;
        }
        String topic = request.getMessageQueue().getTopic();
        if (pq.cachedCount() > queueShare(config.getPullThresholdForQueue(), config.getPullThresholdForTopic(), topic)
                || pq.cachedBytes() > queueShare(config.getPullThresholdSizeForQueue(), config.getPullThresholdSizeForTopic(), topic) * 1024L * 1024L
                || (!consumeOrderly() && pq.maxSpan() > config.getConsumeConcurrentlyMaxSpan())) {
            executePullLater(request, DELAY_WHEN_FLOW_CONTROL);
            return;
        }
        if (consumeOrderly() && config.getMessageModel() == MessageModel.CLUSTERING && !pq.isLocked()) {
            executePullLater(request, DELAY_WHEN_NOT_LOCKED);
            return;
        }
        MessageQueue mq = request.getMessageQueue();
        SubscriptionData sub = subscriptions.get(mq.getTopic());
        if (sub == null) {
            executePullLater(request, DELAY_WHEN_EXCEPTION);
            return;
        }
        long commitOffset = config.getMessageModel() == MessageModel.CLUSTERING
                ? offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_MEMORY) : 0;
        int sysFlag = PullSysFlag.build(commitOffset > 0, true, false, false, false);
        PullSpec spec = new PullSpec(RequestCode.PULL_MESSAGE, sysFlag, Math.max(commitOffset, 0), config.getPullBatchSize(),
                BROKER_SUSPEND_MAX_MILLIS, PULL_TIMEOUT_MILLIS);
        pullAPI.pull(mq, sub, request.getNextOffset(), spec).whenComplete((result, error) -> {
            if (error != null) {
                onPullError(request, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else {
                onPullResult(request, result);
            }
        });
    }

    private void onPullResult(PullRequest request, PullResult result) {
        ProcessQueue pq = request.getProcessQueue();
        MessageQueue mq = request.getMessageQueue();
        switch (result.getPullStatus()) {
            case FOUND -> {
                request.setNextOffset(result.getNextBeginOffset());
                if (result.getMsgFoundList().isEmpty()) {
                    executePullImmediately(request);
                    return;
                }
                boolean dispatch = pq.putMessages(result.getMsgFoundList());
                consumeService.submitConsumeRequest(result.getMsgFoundList(), pq, mq, dispatch);
                if (config.getPullInterval() > 0) {
                    executePullLater(request, config.getPullInterval());
                } else {
                    executePullImmediately(request);
                }
            }
            case NO_NEW_MSG, NO_MATCHED_MSG -> {
                request.setNextOffset(result.getNextBeginOffset());
                if (pq.cachedCount() == 0) {
                    // Nothing in flight: the filtered-out range counts as consumed.
                    offsetStore.updateOffset(mq, result.getNextBeginOffset(), true);
                }
                executePullImmediately(request);
            }
            case OFFSET_ILLEGAL -> {
                LOG.warn("offset {} of {} is illegal, continuing at {}", request.getNextOffset(), mq, result.getNextBeginOffset());
                request.setNextOffset(result.getNextBeginOffset());
                pq.setDropped(true);
                offsetStore.updateOffset(mq, result.getNextBeginOffset(), false);
                offsetStore.persist(mq);
                rebalance.processQueueTable().remove(mq, pq);
                instance.rebalanceImmediately();
            }
        }
    }

    private void onPullError(PullRequest request, Throwable error) {
        if (!running) {
            return;
        }
        if (!(error instanceof MQBrokerException be && be.getResponseCode() == ResponseCode.SUBSCRIPTION_NOT_LATEST)) {
            LOG.warn("pull of {} failed: {}", request.getMessageQueue(), error.toString());
        }
        executePullLater(request, DELAY_WHEN_EXCEPTION);
    }

    // ---- failures ----

    /**
     * Returns a failed message to the broker for a later retry (CONSUMER_SEND_MSG_BACK); when the
     * broker refuses, re-sends it to the group's retry topic with the instance's inner producer.
     * False when both failed.
     */
    boolean sendMessageBack(MessageExt msg, int delayLevel) {
        return sendMessageBack(msg, delayLevel, msg.getBrokerName());
    }

    /** As {@link #sendMessageBack(MessageExt, int)}, through the named broker (the one the message came from). */
    public boolean sendMessageBack(MessageExt msg, int delayLevel, String brokerName) {
        int maxReconsume = maxReconsumeTimes();
        try {
            String addr = instance.findBrokerAddressInPublish(brokerName);
            instance.getMQClientAPI().consumerSendMessageBack(addr, brokerName, msg, config.getConsumerGroup(),
                    delayLevel, maxReconsume, SEND_BACK_TIMEOUT);
            return true;
        } catch (Exception e) {
            LOG.warn("send back of {} failed, re-sending to the retry topic: {}", msg.getMsgId(), e.toString());
        }
        try {
            Message retry = new Message(RetryTopics.of(config.getConsumerGroup()), msg.getBody());
            retry.setFlag(msg.getFlag());
            retry.setProperties(new java.util.HashMap<>(msg.getProperties()));
            String originId = msg.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID);
            retry.putProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, originId == null ? msg.getMsgId() : originId);
            retry.putProperty(MessageConst.PROPERTY_RETRY_TOPIC, msg.getTopic());
            retry.putProperty(MessageConst.PROPERTY_RECONSUME_TIME, String.valueOf(msg.getReconsumeTimes() + 1));
            retry.putProperty(MessageConst.PROPERTY_MAX_RECONSUME_TIMES, String.valueOf(maxReconsume));
            retry.clearProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED);
            retry.setDelayTimeLevel(3 + msg.getReconsumeTimes());
            instance.innerProducer().send(retry);
            return true;
        } catch (Exception e) {
            LOG.warn("re-sending {} to the retry topic failed: {}", msg.getMsgId(), e.toString());
            return false;
        }
    }

    int maxReconsumeTimes() {
        return config.getMaxReconsumeTimes() == -1 ? DEFAULT_MAX_RECONSUME_TIMES : config.getMaxReconsumeTimes();
    }

    // ---- MQConsumerInner ----

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        return consumeService.consumeMessageDirectly(msg, brokerName);
    }

    @Override
    public String groupName() {
        return config.getConsumerGroup();
    }

    @Override
    public MessageModel messageModel() {
        return config.getMessageModel();
    }

    @Override
    public ConsumeType consumeType() {
        return ConsumeType.CONSUME_PASSIVELY;
    }

    @Override
    public ConsumeFromWhere consumeFromWhere() {
        return config.getConsumeFromWhere();
    }

    @Override
    public Set<SubscriptionData> subscriptions() {
        return new HashSet<>(subscriptions.values());
    }

    @Override
    public boolean doRebalance() {
        return !running || paused || rebalance.doRebalance(consumeOrderly());
    }

    @Override
    public void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        if (rebalance != null) {
            rebalance.setTopicSubscribeInfo(topic, info);
        }
    }

    @Override
    public void persistConsumerOffset() {
        if (running) {
            offsetStore.persistAll(Set.copyOf(rebalance.processQueueTable().keySet()));
        }
    }

    @Override
    public void resetOffset(String topic, Map<MessageQueue, Long> offsets) {
        paused = true;
        try {
            for (Map.Entry<MessageQueue, Long> e : offsets.entrySet()) {
                if (!e.getKey().getTopic().equals(topic)) {
                    continue;
                }
                ProcessQueue pq = rebalance.processQueueTable().remove(e.getKey());
                if (pq != null) {
                    pq.setDropped(true);
                }
                offsetStore.updateOffset(e.getKey(), e.getValue(), false);
                offsetStore.persist(e.getKey());
            }
        } finally {
            paused = false;
        }
        instance.rebalanceImmediately();
    }

    @Override
    public Map<MessageQueue, Long> currentOffsets(String topic) {
        return offsetStore.cloneOffsetTable(topic);
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        Map<String, String> props = info.getProperties();
        props.put("consumerGroup", config.getConsumerGroup());
        props.put("messageModel", config.getMessageModel().name());
        props.put("consumeFromWhere", config.getConsumeFromWhere().name());
        props.put("consumeThreadMin", String.valueOf(config.getConsumeThreadMin()));
        props.put("consumeThreadMax", String.valueOf(config.getConsumeThreadMax()));
        props.put("PROP_CONSUMEORDERLY", String.valueOf(consumeOrderly()));
        props.put("PROP_THREADPOOL_CORE_SIZE", String.valueOf(consumeService.corePoolSize()));
        props.put("PROP_CONSUME_TYPE", ConsumeType.CONSUME_PASSIVELY.name());
        info.setSubscriptionSet(subscriptions());
        rebalance.processQueueTable().forEach((mq, pq) ->
                info.getMqTable().put(mq, pq.toInfo(offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_MEMORY))));
        info.setStatusTable(stats.snapshot());
        return info;
    }

    // ---- for the consume services ----

    DefaultMQPushConsumer config() {
        return config;
    }

    MQClientInstance instance() {
        return instance;
    }

    ConcurrentMap<String, SubscriptionData> subscriptionTable() {
        return subscriptions;
    }

    OffsetStore offsetStore() {
        return offsetStore;
    }

    RebalanceImpl rebalance() {
        return rebalance;
    }

    Map<MessageQueue, ProcessQueue> processQueues() {
        return rebalance.processQueueTable();
    }

    ConsumeStatsRecorder stats() {
        return stats;
    }

    boolean consumeOrderly() {
        return consumeService != null && consumeService.orderly();
    }

    boolean isRunning() {
        return running;
    }
}
