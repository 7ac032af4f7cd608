package io.apogee.client.consumer;

import io.apogee.client.ClientConfig;
import io.apogee.client.MQAdmin;
import io.apogee.client.consumer.listener.MessageListener;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.consumer.PushConsumerEngine;
import io.apogee.client.impl.consumer.RetryTopics;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Receives messages through a listener, with the method names of the official
 * {@code org.apache.rocketmq.client.consumer.DefaultMQPushConsumer}.
 *
 * <pre>{@code
 * DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("orders-consumer");
 * consumer.setNamesrvAddr("127.0.0.1:9876");
 * consumer.subscribe("Orders", "created || paid");
 * consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
 *     msgs.forEach(m -> handle(m));
 *     return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
 * });
 * consumer.start();
 * }</pre>
 *
 * <p>In CLUSTERING mode (default) the queues of a topic are shared among the group's consumers
 * (re-balanced every 20 s and whenever the group changes), offsets are committed to the brokers
 * every 5 s and at shutdown, and failed messages come back through the group's retry topic. In
 * BROADCASTING mode every consumer gets every message and keeps its offsets in a local file.
 */
public class DefaultMQPushConsumer extends ClientConfig implements MQAdmin {
    private String consumerGroup;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    /** For CONSUME_FROM_TIMESTAMP, {@code yyyyMMddHHmmss}; default half an hour ago. */
    private String consumeTimestamp = LocalDateTime.now().minusMinutes(30).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private int consumeThreadMin = 20;
    private int consumeThreadMax = 20;
    private int consumeConcurrentlyMaxSpan = 2000;
    private int pullThresholdForQueue = 1000;
    private int pullThresholdSizeForQueue = 100;
    private int pullThresholdForTopic = -1;
    private int pullThresholdSizeForTopic = -1;
    private long pullInterval = 0;
    private int consumeMessageBatchMaxSize = 1;
    private int pullBatchSize = 32;
    /** -1: 16 for concurrent consumers, unlimited local retries for orderly ones. */
    private int maxReconsumeTimes = -1;
    private long suspendCurrentQueueTimeMillis = 1000;
    /** Minutes a listener call may take before its messages are sent back for retry. */
    private long consumeTimeout = 15;
    private long awaitTerminationMillisWhenShutdown = 0;
    private MessageListener messageListener;
    private final PushConsumerEngine engine = new PushConsumerEngine(this);

    public DefaultMQPushConsumer() {
        this("DEFAULT_CONSUMER");
    }

    public DefaultMQPushConsumer(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    /** Subscribes a topic with a tag expression ({@code "*"}, {@code "TagA || TagB"}); may be called while running. */
    public void subscribe(String topic, String subExpression) throws MQClientException {
        engine.subscribe(topic, MessageSelector.byTag(subExpression));
    }

    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        engine.subscribe(topic, selector);
    }

    public void unsubscribe(String topic) {
        engine.unsubscribe(topic);
    }

    public void registerMessageListener(MessageListenerConcurrently listener) {
        this.messageListener = listener;
    }

    public void registerMessageListener(MessageListenerOrderly listener) {
        this.messageListener = listener;
    }

    /** Either kind of listener; {@link #start()} refuses any other implementation of the marker interface. */
    public void registerMessageListener(MessageListener listener) {
        this.messageListener = listener;
    }

    /** Spring-style alias of {@link #registerMessageListener(MessageListener)}. */
    public void setMessageListener(MessageListener listener) {
        this.messageListener = listener;
    }

    /**
     * Subscribes every topic of the map (topic to tag expression), as a container configures a
     * consumer; the same as calling {@link #subscribe(String, String)} for each entry.
     */
    public void setSubscription(Map<String, String> subscription) throws MQClientException {
        for (Map.Entry<String, String> e : subscription.entrySet()) {
            subscribe(e.getKey(), e.getValue());
        }
    }

    /** The subscribed topics with their expressions (not the group's retry topic, which is subscribed implicitly). */
    public Map<String, String> getSubscription() {
        return engine.subscriptions().stream().filter(sub -> !sub.getTopic().startsWith(RetryTopics.RETRY_GROUP_TOPIC_PREFIX))
                .collect(Collectors.toMap(SubscriptionData::getTopic, SubscriptionData::getSubString));
    }

    /**
     * Hands a message back to the broker it came from for redelivery after {@code delayLevel}
     * (0: the broker's choice, growing with each retry), as a failed consumption does; after
     * maxReconsumeTimes it goes to the dead-letter topic {@code %DLQ%<group>}.
     *
     * @throws MQClientException when neither the broker nor the retry topic took the message
     */
    public void sendMessageBack(MessageExt msg, int delayLevel) throws MQClientException {
        sendMessageBack(msg, delayLevel, msg.getBrokerName());
    }

    /** As {@link #sendMessageBack(MessageExt, int)}, through the named broker. */
    public void sendMessageBack(MessageExt msg, int delayLevel, String brokerName) throws MQClientException {
        if (!engine.sendMessageBack(msg, delayLevel, brokerName)) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "could not send " + msg.getMsgId() + " back for a retry");
        }
    }

    /** Validates the settings, joins the shared client instance, sends a heartbeat and starts rebalancing. */
    public void start() throws MQClientException {
        engine.start();
    }

    /** Stops pulling, waits {@link #getAwaitTerminationMillisWhenShutdown()} for listeners, commits offsets and unregisters. */
    public void shutdown() {
        engine.shutdown(awaitTerminationMillisWhenShutdown);
    }

    public void shutdown(long awaitTerminateMillis) {
        engine.shutdown(awaitTerminateMillis);
    }

    /** Stops pulling until {@link #resume()}; messages already cached are still consumed. */
    public void suspend() {
        engine.suspend();
    }

    public void resume() {
        engine.resume();
    }

    @Override
    public MQAdminImpl mqAdminImpl() throws MQClientException {
        return engine.mqAdminImpl();
    }

    /** The queues of a topic as the routes describe them. */
    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return engine.fetchSubscribeMessageQueues(topic);
    }

    /** The queues this consumer owns right now (after its last rebalance); for diagnostics and tests. */
    public Set<MessageQueue> getAssignedMessageQueues() {
        return engine.assignedMessageQueues();
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public String getConsumeTimestamp() {
        return consumeTimestamp;
    }

    public void setConsumeTimestamp(String consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    public AllocateMessageQueueStrategy getAllocateMessageQueueStrategy() {
        return allocateMessageQueueStrategy;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy allocateMessageQueueStrategy) {
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
    }

    public int getConsumeThreadMin() {
        return consumeThreadMin;
    }

    public void setConsumeThreadMin(int consumeThreadMin) {
        this.consumeThreadMin = consumeThreadMin;
    }

    public int getConsumeThreadMax() {
        return consumeThreadMax;
    }

    public void setConsumeThreadMax(int consumeThreadMax) {
        this.consumeThreadMax = consumeThreadMax;
    }

    public int getConsumeConcurrentlyMaxSpan() {
        return consumeConcurrentlyMaxSpan;
    }

    public void setConsumeConcurrentlyMaxSpan(int consumeConcurrentlyMaxSpan) {
        this.consumeConcurrentlyMaxSpan = consumeConcurrentlyMaxSpan;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int pullThresholdForQueue) {
        this.pullThresholdForQueue = pullThresholdForQueue;
    }

    /** In MiB. */
    public int getPullThresholdSizeForQueue() {
        return pullThresholdSizeForQueue;
    }

    public void setPullThresholdSizeForQueue(int pullThresholdSizeForQueue) {
        this.pullThresholdSizeForQueue = pullThresholdSizeForQueue;
    }

    public int getPullThresholdForTopic() {
        return pullThresholdForTopic;
    }

    /**
     * At most this many messages cached for a topic (-1, the default: no topic-wide limit). When set,
     * it replaces {@link #setPullThresholdForQueue pullThresholdForQueue}: each queue of the topic this
     * consumer holds may cache an equal share (at least 1).
     */
    public void setPullThresholdForTopic(int pullThresholdForTopic) {
        this.pullThresholdForTopic = pullThresholdForTopic;
    }

    public int getPullThresholdSizeForTopic() {
        return pullThresholdSizeForTopic;
    }

    /** As {@link #setPullThresholdForTopic}, in MiB of message bodies, replacing pullThresholdSizeForQueue. */
    public void setPullThresholdSizeForTopic(int pullThresholdSizeForTopic) {
        this.pullThresholdSizeForTopic = pullThresholdSizeForTopic;
    }

    public long getPullInterval() {
        return pullInterval;
    }

    public void setPullInterval(long pullInterval) {
        this.pullInterval = pullInterval;
    }

    public int getConsumeMessageBatchMaxSize() {
        return consumeMessageBatchMaxSize;
    }

    public void setConsumeMessageBatchMaxSize(int consumeMessageBatchMaxSize) {
        this.consumeMessageBatchMaxSize = consumeMessageBatchMaxSize;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public long getSuspendCurrentQueueTimeMillis() {
        return suspendCurrentQueueTimeMillis;
    }

    public void setSuspendCurrentQueueTimeMillis(long suspendCurrentQueueTimeMillis) {
        this.suspendCurrentQueueTimeMillis = suspendCurrentQueueTimeMillis;
    }

    public long getConsumeTimeout() {
        return consumeTimeout;
    }

    public void setConsumeTimeout(long consumeTimeout) {
        this.consumeTimeout = consumeTimeout;
    }

    public long getAwaitTerminationMillisWhenShutdown() {
        return awaitTerminationMillisWhenShutdown;
    }

    public void setAwaitTerminationMillisWhenShutdown(long awaitTerminationMillisWhenShutdown) {
        this.awaitTerminationMillisWhenShutdown = awaitTerminationMillisWhenShutdown;
    }

    public MessageListener getMessageListener() {
        return messageListener;
    }
}
