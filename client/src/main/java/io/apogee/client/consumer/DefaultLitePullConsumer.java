package io.apogee.client.consumer;

import io.apogee.client.ClientConfig;
import io.apogee.client.consumer.rebalance.AllocateMessageQueueAveragely;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.consumer.LitePullConsumerEngine;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.MessageModel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A consumer the application drives with {@link #poll()}, with the method names of the official
 * {@code org.apache.rocketmq.client.consumer.DefaultLitePullConsumer}. Background threads pull
 * ahead into a local cache; {@code poll} returns what is cached.
 *
 * <pre>{@code
 * DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("reports");
 * consumer.setNamesrvAddr("127.0.0.1:9876");
 * consumer.subscribe("Orders", "*");          // or consumer.assign(queues)
 * consumer.start();
 * while (running) {
 *     for (MessageExt msg : consumer.poll()) { handle(msg); }
 * }
 * }</pre>
 *
 * <p>With {@code subscribe} the group's queues are shared among its consumers by rebalance; with
 * {@code assign} the application picks the queues. Offsets of polled messages are committed every
 * {@link #getAutoCommitIntervalMillis()} when auto commit is on, else by {@link #commitSync()}.
 */
public class DefaultLitePullConsumer extends ClientConfig {
    private String consumerGroup;
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private String consumeTimestamp = java.time.LocalDateTime.now().minusMinutes(30)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    private AllocateMessageQueueStrategy allocateMessageQueueStrategy = new AllocateMessageQueueAveragely();
    private boolean autoCommit = true;
    private long autoCommitIntervalMillis = 5000;
    private int pullBatchSize = 10;
    private int pullThreadNums = 20;
    private int pullThresholdForQueue = 1000;
    private int pullThresholdForAll = 10000;
    private int consumeMaxSpan = 2000;
    private long pollTimeoutMillis = 5000;
    private final LitePullConsumerEngine engine = new LitePullConsumerEngine(this);

    public DefaultLitePullConsumer() {
        this("DEFAULT_CONSUMER");
    }

    public DefaultLitePullConsumer(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public void start() throws MQClientException {
        engine.start();
    }

    /** Commits the offsets of what was polled (when auto commit is on) and leaves the group. */
    public void shutdown() {
        engine.shutdown();
    }

    public boolean isRunning() {
        return engine.isRunning();
    }

    /** Subscribes a topic; its queues are assigned by rebalance. Cannot be combined with {@link #assign}. */
    public void subscribe(String topic, String subExpression) throws MQClientException {
        engine.subscribe(topic, MessageSelector.byTag(subExpression));
    }

    /** Subscribes every message of a topic ({@code "*"}). */
    public void subscribe(String topic) throws MQClientException {
        subscribe(topic, MessageSelector.byTag("*"));
    }

    public void subscribe(String topic, MessageSelector selector) throws MQClientException {
        engine.subscribe(topic, selector);
    }

    public void unsubscribe(String topic) {
        engine.unsubscribe(topic);
    }

    /** Reads exactly these queues, without rebalance. Cannot be combined with {@link #subscribe}. */
    public void assign(Collection<MessageQueue> messageQueues) {
        engine.assign(messageQueues);
    }

    /** The polled messages, waiting up to {@link #getPollTimeoutMillis()}; empty when none arrived. */
    public List<MessageExt> poll() {
        return engine.poll(pollTimeoutMillis);
    }

    public List<MessageExt> poll(long timeout) {
        return engine.poll(timeout);
    }

    /** Continues the queue at {@code offset}; messages already pulled from it are discarded. */
    public void seek(MessageQueue messageQueue, long offset) throws MQClientException {
        engine.seek(messageQueue, offset);
    }

    public void seekToBegin(MessageQueue messageQueue) throws MQClientException {
        engine.seekToBegin(messageQueue);
    }

    public void seekToEnd(MessageQueue messageQueue) throws MQClientException {
        engine.seekToEnd(messageQueue);
    }

    public void pause(Collection<MessageQueue> messageQueues) {
        engine.pause(messageQueues, true);
    }

    public void resume(Collection<MessageQueue> messageQueues) {
        engine.pause(messageQueues, false);
    }

    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        return engine.fetchMessageQueues(topic);
    }

    /** The queues currently read. */
    public Set<MessageQueue> assignment() {
        return engine.assignment();
    }

    /** The committed offset of a queue as the offset store (broker or local file) has it. */
    public Long committed(MessageQueue messageQueue) throws MQClientException {
        return engine.committed(messageQueue);
    }

    /** Commits the offsets of everything polled so far and waits for the brokers to store them. */
    public void commitSync() {
        engine.commitAll(true);
    }

    /** Commits the given offsets (next offset to consume per queue); {@code persist} also writes them through now. */
    public void commitSync(Map<MessageQueue, Long> offsetMap, boolean persist) {
        engine.commit(offsetMap, persist);
    }

    /** The official 5.x name of {@link #commitSync()}. */
    public void commit() {
        commitSync();
    }

    /**
     * Commits what was polled from these queues only; {@code persist} also writes the offsets through
     * to the brokers (or the local file) now.
     */
    public void commit(Set<MessageQueue> messageQueues, boolean persist) {
        engine.commit(messageQueues, persist);
    }

    /** The official 5.x name of {@link #commitSync(Map, boolean)}. */
    public void commit(Map<MessageQueue, Long> offsetMap, boolean persist) {
        commitSync(offsetMap, persist);
    }

    /**
     * The offset of the first message of the queue stored at or after {@code timestamp} (epoch ms),
     * for {@link #seek}: the way to replay from a point in time.
     */
    public Long offsetForTimestamp(MessageQueue messageQueue, Long timestamp) throws MQClientException {
        return engine.searchOffset(messageQueue, timestamp);
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

    public boolean isAutoCommit() {
        return autoCommit;
    }

    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    public long getAutoCommitIntervalMillis() {
        return autoCommitIntervalMillis;
    }

    public void setAutoCommitIntervalMillis(long autoCommitIntervalMillis) {
        this.autoCommitIntervalMillis = autoCommitIntervalMillis;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public int getPullThreadNums() {
        return pullThreadNums;
    }

    public void setPullThreadNums(int pullThreadNums) {
        this.pullThreadNums = pullThreadNums;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int pullThresholdForQueue) {
        this.pullThresholdForQueue = pullThresholdForQueue;
    }

    public int getPullThresholdForAll() {
        return pullThresholdForAll;
    }

    public void setPullThresholdForAll(int pullThresholdForAll) {
        this.pullThresholdForAll = pullThresholdForAll;
    }

    public int getConsumeMaxSpan() {
        return consumeMaxSpan;
    }

    public void setConsumeMaxSpan(int consumeMaxSpan) {
        this.consumeMaxSpan = consumeMaxSpan;
    }

    public long getPollTimeoutMillis() {
        return pollTimeoutMillis;
    }

    public void setPollTimeoutMillis(long pollTimeoutMillis) {
        this.pollTimeoutMillis = pollTimeoutMillis;
    }
}
