package io.apogee.client.producer;

import io.apogee.client.ClientConfig;
import io.apogee.client.MQAdmin;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.producer.MessageBatch;
import io.apogee.client.impl.producer.ProducerEngine;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageQueue;
import io.apogee.remoting.exception.RemotingException;
import java.util.Collection;
import java.util.List;

/**
 * Sends messages to the brokers of a topic, with the method names of the official
 * {@code org.apache.rocketmq.client.producer.DefaultMQProducer}.
 *
 * <pre>{@code
 * DefaultMQProducer producer = new DefaultMQProducer("orders-producer");
 * producer.setNamesrvAddr("127.0.0.1:9876");
 * producer.start();
 * SendResult result = producer.send(new Message("Orders", "created", "order-42", body));
 * producer.shutdown();
 * }</pre>
 *
 * <p>Sync sends are retried {@link #getRetryTimesWhenSendFailed()} times on another broker; async
 * sends {@link #getRetryTimesWhenSendAsyncFailed()} times on transport errors; oneway sends never.
 * Bodies of at least {@link #getCompressMsgBodyOverHowmuch()} bytes are zlib-compressed. Every
 * message gets a unique id (property UNIQ_KEY), returned as {@link SendResult#getMsgId()}.
 * A topic the name servers do not know is created by the broker on first send from the
 * {@link #getCreateTopicKey()} template with {@link #getDefaultTopicQueueNums()} queues.
 */
public class DefaultMQProducer extends ClientConfig implements MQAdmin {
    private String producerGroup;
    private String createTopicKey = "TBW102";
    private int defaultTopicQueueNums = 4;
    private int sendMsgTimeout = 3000;
    private int compressMsgBodyOverHowmuch = 1024 * 4;
    private int retryTimesWhenSendFailed = 2;
    private int retryTimesWhenSendAsyncFailed = 2;
    private boolean retryAnotherBrokerWhenNotStoreOK = false;
    private int maxMessageSize = 1024 * 1024 * 4;
    private boolean sendLatencyFaultEnable = false;
    /** At most this many async sends may wait for their response; further async sends block up to their timeout. */
    private int backPressureForAsyncSendNum = 10000;
    protected final ProducerEngine engine;

    public DefaultMQProducer() {
        this("DEFAULT_PRODUCER");
    }

    public DefaultMQProducer(String producerGroup) {
        this.producerGroup = producerGroup;
        this.engine = createEngine();
    }

    /** Lets subclasses plug in an engine with more behaviour (transactions). */
    protected ProducerEngine createEngine() {
        return new ProducerEngine(this);
    }

    /** Joins (or creates) the shared client instance and registers the group; sends are accepted afterwards. */
    public void start() throws MQClientException {
        engine.start();
    }

    /** Unregisters the group from every broker and releases the client instance when nothing else uses it. */
    public void shutdown() {
        engine.shutdown();
    }

    @Override
    public MQAdminImpl mqAdminImpl() throws MQClientException {
        return engine.mqAdminImpl();
    }

    /** The writable queues of a topic, fetching its route when needed. */
    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        return engine.fetchPublishMessageQueues(topic);
    }

    /** Sends and waits; retried on another broker on failure. */
    public SendResult send(Message msg) throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(msg, sendMsgTimeout);
    }

    public SendResult send(Message msg, long timeout) throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(msg, timeout);
    }

    /** Sends without waiting; the callback gets the result or the last error. */
    public void send(Message msg, SendCallback sendCallback) {
        engine.send(msg, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, SendCallback sendCallback, long timeout) {
        engine.send(msg, sendCallback, timeout);
    }

    /** Sends without any answer from the broker: fastest, but a lost message goes unnoticed. */
    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        engine.sendOneway(msg);
    }

    /** Sends to the given queue (no retry on another queue). */
    public SendResult send(Message msg, MessageQueue mq) throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(msg, mq, sendMsgTimeout);
    }

    public SendResult send(Message msg, MessageQueue mq, long timeout)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(msg, mq, timeout);
    }

    public void send(Message msg, MessageQueue mq, SendCallback sendCallback) {
        engine.send(msg, mq, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, MessageQueue mq, SendCallback sendCallback, long timeout) {
        engine.send(msg, mq, sendCallback, timeout);
    }

    public void sendOneway(Message msg, MessageQueue mq) throws MQClientException, RemotingException, InterruptedException {
        engine.sendOneway(msg, mq);
    }

    /** Sends to the queue the selector picks, e.g. by order id for ordered messages. */
    public SendResult send(Message msg, MessageQueueSelector selector, Object arg)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(msg, selector, arg, sendMsgTimeout);
    }

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(msg, selector, arg, timeout);
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback) {
        engine.send(msg, selector, arg, sendCallback, sendMsgTimeout);
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback sendCallback, long timeout) {
        engine.send(msg, selector, arg, sendCallback, timeout);
    }

    public void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
            throws MQClientException, RemotingException, InterruptedException {
        engine.sendOneway(msg, selector, arg);
    }

    /**
     * Sends messages of one topic in a single request; they are stored consecutively in one queue.
     * The result's msgId lists the messages' unique ids joined with ','.
     */
    public SendResult send(Collection<? extends Message> msgs)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(batch(msgs), sendMsgTimeout);
    }

    public SendResult send(Collection<? extends Message> msgs, long timeout)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(batch(msgs), timeout);
    }

    public SendResult send(Collection<? extends Message> msgs, MessageQueue mq)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(batch(msgs), mq, sendMsgTimeout);
    }

    public SendResult send(Collection<? extends Message> msgs, MessageQueue mq, long timeout)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return engine.send(batch(msgs), mq, timeout);
    }

    public void send(Collection<? extends Message> msgs, SendCallback sendCallback) throws MQClientException {
        engine.send(batch(msgs), sendCallback, sendMsgTimeout);
    }

    public void send(Collection<? extends Message> msgs, SendCallback sendCallback, long timeout) throws MQClientException {
        engine.send(batch(msgs), sendCallback, timeout);
    }

    public void send(Collection<? extends Message> msgs, MessageQueue mq, SendCallback sendCallback) throws MQClientException {
        engine.send(batch(msgs), mq, sendCallback, sendMsgTimeout);
    }

    public void send(Collection<? extends Message> msgs, MessageQueue mq, SendCallback sendCallback, long timeout)
            throws MQClientException {
        engine.send(batch(msgs), mq, sendCallback, timeout);
    }

    private MessageBatch batch(Collection<? extends Message> msgs) throws MQClientException {
        return MessageBatch.generateFromList(msgs, maxMessageSize);
    }

    /**
     * Send latencies (ms, ascending) from which a broker is avoided for the paired
     * {@link #setNotAvailableDuration notAvailableDuration}, when {@link #isSendLatencyFaultEnable()}.
     * Default {@code 50 100 550 1000 2000 3000 15000}.
     */
    public void setLatencyMax(long[] latencyMax) {
        engine.faultTolerance().setLatencyMax(latencyMax);
    }

    public long[] getLatencyMax() {
        return engine.faultTolerance().getLatencyMax();
    }

    /** How long (ms) a broker is avoided after a send reached the paired latency. Default {@code 0 0 30000 60000 120000 180000 600000}. */
    public void setNotAvailableDuration(long[] notAvailableDuration) {
        engine.faultTolerance().setNotAvailableDuration(notAvailableDuration);
    }

    public long[] getNotAvailableDuration() {
        return engine.faultTolerance().getNotAvailableDuration();
    }

    public boolean isSendMessageWithVIPChannel() {
        return isVipChannelEnabled();
    }

    /** The official producer's alias of {@link #setVipChannelEnabled}. */
    public void setSendMessageWithVIPChannel(boolean sendMessageWithVIPChannel) {
        setVipChannelEnabled(sendMessageWithVIPChannel);
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public String getCreateTopicKey() {
        return createTopicKey;
    }

    public void setCreateTopicKey(String createTopicKey) {
        this.createTopicKey = createTopicKey;
    }

    public int getDefaultTopicQueueNums() {
        return defaultTopicQueueNums;
    }

    public void setDefaultTopicQueueNums(int defaultTopicQueueNums) {
        this.defaultTopicQueueNums = defaultTopicQueueNums;
    }

    public int getSendMsgTimeout() {
        return sendMsgTimeout;
    }

    public void setSendMsgTimeout(int sendMsgTimeout) {
        this.sendMsgTimeout = sendMsgTimeout;
    }

    public int getCompressMsgBodyOverHowmuch() {
        return compressMsgBodyOverHowmuch;
    }

    public void setCompressMsgBodyOverHowmuch(int compressMsgBodyOverHowmuch) {
        this.compressMsgBodyOverHowmuch = compressMsgBodyOverHowmuch;
    }

    public int getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
        this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
    }

    public int getRetryTimesWhenSendAsyncFailed() {
        return retryTimesWhenSendAsyncFailed;
    }

    public void setRetryTimesWhenSendAsyncFailed(int retryTimesWhenSendAsyncFailed) {
        this.retryTimesWhenSendAsyncFailed = retryTimesWhenSendAsyncFailed;
    }

    public boolean isRetryAnotherBrokerWhenNotStoreOK() {
        return retryAnotherBrokerWhenNotStoreOK;
    }

    public void setRetryAnotherBrokerWhenNotStoreOK(boolean retryAnotherBrokerWhenNotStoreOK) {
        this.retryAnotherBrokerWhenNotStoreOK = retryAnotherBrokerWhenNotStoreOK;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public boolean isSendLatencyFaultEnable() {
        return sendLatencyFaultEnable;
    }

    public void setSendLatencyFaultEnable(boolean sendLatencyFaultEnable) {
        this.sendLatencyFaultEnable = sendLatencyFaultEnable;
    }

    public int getBackPressureForAsyncSendNum() {
        return backPressureForAsyncSendNum;
    }

    public void setBackPressureForAsyncSendNum(int backPressureForAsyncSendNum) {
        this.backPressureForAsyncSendNum = backPressureForAsyncSendNum;
    }
}
