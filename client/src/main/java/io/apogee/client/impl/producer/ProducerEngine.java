package io.apogee.client.impl.producer;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.impl.MQProducerInner;
import io.apogee.client.impl.TopicPublishInfo;
import io.apogee.client.impl.Validators;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.MessageQueueSelector;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.exception.RemotingTooMuchRequestException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's machinery behind {@link DefaultMQProducer}: routes per topic, queue selection with
 * retries on another broker, and the three send modes. Subclassed for transactions.
 */
public class ProducerEngine implements MQProducerInner {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerEngine.class);
    /** Broker answers worth another attempt on another queue (flows.md §2.3). */
    private static final Set<Integer> RETRY_CODES = Set.of(ResponseCode.TOPIC_NOT_EXIST, ResponseCode.SERVICE_NOT_AVAILABLE,
            ResponseCode.SYSTEM_ERROR, ResponseCode.SYSTEM_BUSY, ResponseCode.NO_PERMISSION, ResponseCode.NO_BUYER_ID);

    protected final DefaultMQProducer producer;
    private final ConcurrentMap<String, TopicPublishInfo> publishInfo = new ConcurrentHashMap<>();
    private final LatencyFaultTolerance faults = new LatencyFaultTolerance();
    private Semaphore asyncPermits;
    private MessageSender sender;
    protected MQClientInstance instance;
    private volatile boolean running;

    public ProducerEngine(DefaultMQProducer producer) {
        this.producer = producer;
    }

    public synchronized void start() throws MQClientException {
        if (running) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the producer " + producer.getProducerGroup() + " is already running");
        }
        Validators.checkGroup(producer.getProducerGroup());
        if (!MQClientInstance.CLIENT_INNER_PRODUCER_GROUP.equals(producer.getProducerGroup())) {
            producer.changeInstanceNameToPID();
        }
        instance = MQClientManager.getInstance().getOrCreateMQClientInstance(producer);
        if (!instance.registerProducer(producer.getProducerGroup(), this)) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the producer group " + producer.getProducerGroup()
                    + " has been created before in this client instance, specify another name please");
        }
        asyncPermits = new Semaphore(producer.getBackPressureForAsyncSendNum());
        sender = new MessageSender(producer, instance.getMQClientAPI());
        // As the official producer does: the instance's route refresh includes the template topic, whose
        // route names the brokers before anything is sent, so the heartbeats reach them; a transactional
        // producer that replaced a crashed one must be known there to be asked about the half messages
        // it inherited. Fetched in the background: start() does not wait for the name servers.
        publishInfo.putIfAbsent(producer.getCreateTopicKey(), new TopicPublishInfo(List.of()));
        instance.start();
        running = true;
        instance.sendHeartbeatToAllBrokerWithLock();
    }

    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        instance.unregisterProducer(producer.getProducerGroup());
        instance.shutdown();
    }

    public MQAdminImpl mqAdminImpl() throws MQClientException {
        checkRunning();
        return new MQAdminImpl(instance.getMQClientAPI(), producer.getMqClientApiTimeout());
    }

    /** The broker isolation table this producer's sends feed and its queue selection consults. */
    public LatencyFaultTolerance faultTolerance() {
        return faults;
    }

    protected void checkRunning() throws MQClientException {
        if (!running) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR,
                    "the producer service is not running, call start() first (group " + producer.getProducerGroup() + ")");
        }
    }

    // ---- MQProducerInner ----

    @Override
    public String groupName() {
        return producer.getProducerGroup();
    }

    @Override
    public Set<String> getPublishTopicList() {
        return Set.copyOf(publishInfo.keySet());
    }

    @Override
    public void updateTopicPublishInfo(String topic, TopicPublishInfo info) {
        // Only topics this producer has used: the instance announces every route it fetches.
        publishInfo.computeIfPresent(topic, (t, old) -> info);
    }

    @Override
    public void checkTransactionState(String brokerAddr, MessageExt msg, CheckTransactionStateRequestHeader header) {
        LOG.debug("ignoring transaction check for {}: not a transactional producer", msg.getTransactionId());
    }

    // ---- routes ----

    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        checkRunning();
        return findPublishInfo(topic).getMessageQueueList();
    }

    private TopicPublishInfo findPublishInfo(String topic) throws MQClientException {
        TopicPublishInfo info = publishInfo.get(topic);
        if (info != null && info.ok()) {
            return info;
        }
        publishInfo.putIfAbsent(topic, new TopicPublishInfo(List.of()));
        instance.updateTopicRouteInfoFromNameServer(topic);
        info = publishInfo.get(topic);
        if (!info.ok()) {
            instance.updateTopicRouteFromDefaultTopic(topic, producer.getCreateTopicKey(), producer.getDefaultTopicQueueNums());
            info = publishInfo.get(topic);
        }
        if (!info.ok()) {
            throw new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "No route info of this topic: " + topic
                    + " (name servers " + instance.getMQClientAPI().getNameServerAddressList() + ")");
        }
        return info;
    }

    private MessageQueue selectQueue(TopicPublishInfo info, String lastBrokerName) {
        return info.selectOneMessageQueue(mq -> !mq.getBrokerName().equals(lastBrokerName)
                && (!producer.isSendLatencyFaultEnable() || faults.isAvailable(mq.getBrokerName())));
    }

    private String brokerAddr(MessageQueue mq) throws MQClientException {
        String addr = instance.findBrokerAddressInPublish(mq.getBrokerName());
        if (addr == null) {
            instance.updateTopicRouteInfoFromNameServer(mq.getTopic());
            addr = instance.findBrokerAddressInPublish(mq.getBrokerName());
        }
        if (addr == null) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "The broker[" + mq.getBrokerName() + "] not exist");
        }
        return addr;
    }

    // ---- sync ----

    public SendResult send(Message msg, long timeoutMillis)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        checkRunning();
        PreparedMessage prepared = PreparedMessage.of(msg, producer);
        TopicPublishInfo info = findPublishInfo(prepared.topic());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int attempts = 1 + producer.getRetryTimesWhenSendFailed();
        String lastBroker = null;
        Exception lastError = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0) {
                break;
            }
            MessageQueue mq = selectQueue(info, lastBroker);
            lastBroker = mq.getBrokerName();
            long begin = System.currentTimeMillis();
            try {
                SendResult result = sender.sendSync(brokerAddr(mq), mq, prepared, remaining);
                faults.updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - begin, false);
                if (result.getSendStatus() != SendStatus.SEND_OK && producer.isRetryAnotherBrokerWhenNotStoreOK()) {
                    continue;
                }
                return result;
            } catch (RemotingException | MQClientException e) {
                faults.updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - begin, true);
                LOG.warn("send to {} failed (attempt {}/{}): {}", mq, attempt + 1, attempts, e.toString());
                lastError = e;
            } catch (MQBrokerException e) {
                faults.updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - begin, true);
                if (!RETRY_CODES.contains(e.getResponseCode())) {
                    throw e;
                }
                lastError = e;
            }
        }
        throw new MQClientException("Send [" + attempts + "] times, still failed, cost ["
                + (System.currentTimeMillis() - deadline + timeoutMillis) + "]ms, Topic: " + prepared.topic(), lastError);
    }

    public SendResult send(Message msg, MessageQueue mq, long timeoutMillis)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        checkRunning();
        PreparedMessage prepared = PreparedMessage.of(msg, producer);
        checkQueueTopic(prepared, mq);
        return sender.sendSync(brokerAddr(mq), mq, prepared, timeoutMillis);
    }

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeoutMillis)
            throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        checkRunning();
        PreparedMessage prepared = PreparedMessage.of(msg, producer);
        MessageQueue mq = select(prepared, selector, arg);
        return sender.sendSync(brokerAddr(mq), mq, prepared, timeoutMillis);
    }

    private MessageQueue select(PreparedMessage prepared, MessageQueueSelector selector, Object arg) throws MQClientException {
        List<MessageQueue> queues = findPublishInfo(prepared.topic()).getMessageQueueList();
        MessageQueue mq = selector.select(queues, prepared.message(), arg);
        if (mq == null) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the message queue selector returned null");
        }
        return mq;
    }

    private static void checkQueueTopic(PreparedMessage prepared, MessageQueue mq) throws MQClientException {
        if (!prepared.topic().equals(mq.getTopic())) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL,
                    "message's topic " + prepared.topic() + " is not the queue's topic " + mq.getTopic());
        }
    }

    // ---- async ----

    public void send(Message msg, SendCallback callback, long timeoutMillis) {
        sendAsync(() -> {
            PreparedMessage prepared = PreparedMessage.of(msg, producer);
            return new AsyncTarget(prepared, findPublishInfo(prepared.topic()), null);
        }, callback, timeoutMillis);
    }

    public void send(Message msg, MessageQueue mq, SendCallback callback, long timeoutMillis) {
        sendAsync(() -> {
            PreparedMessage prepared = PreparedMessage.of(msg, producer);
            checkQueueTopic(prepared, mq);
            return new AsyncTarget(prepared, null, mq);
        }, callback, timeoutMillis);
    }

    public void send(Message msg, MessageQueueSelector selector, Object arg, SendCallback callback, long timeoutMillis) {
        sendAsync(() -> {
            PreparedMessage prepared = PreparedMessage.of(msg, producer);
            return new AsyncTarget(prepared, null, select(prepared, selector, arg));
        }, callback, timeoutMillis);
    }

    /** What an async send goes to: a fixed queue, or the topic's queues in turn (then retried on another broker). */
    private record AsyncTarget(PreparedMessage prepared, TopicPublishInfo info, MessageQueue fixedQueue) {
    }

    @FunctionalInterface
    private interface AsyncTargetSupplier {
        AsyncTarget get() throws MQClientException;
    }

    private void sendAsync(AsyncTargetSupplier targetSupplier, SendCallback callback, long timeoutMillis) {
        AsyncTarget target;
        try {
            checkRunning();
            target = targetSupplier.get();
            // Bounded outstanding async sends: the caller waits (up to the timeout) instead of piling up requests.
            if (!asyncPermits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new RemotingTooMuchRequestException("too many outstanding async sends (backPressureForAsyncSendNum="
                        + producer.getBackPressureForAsyncSendNum() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.onException(e);
            return;
        } catch (Exception e) {
            callback.onException(e);
            return;
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        attemptAsync(target, callback, deadline, 0, null);
    }

    private void attemptAsync(AsyncTarget target, SendCallback callback, long deadline, int attempt, String lastBroker) {
        long remaining = deadline - System.currentTimeMillis();
        MessageQueue mq = target.fixedQueue() != null ? target.fixedQueue() : selectQueue(target.info(), lastBroker);
        String addr;
        try {
            if (remaining <= 0) {
                throw new RemotingException("async send to " + mq + " timed out before it could be sent");
            }
            addr = brokerAddr(mq);
        } catch (Exception e) {
            finishAsync(callback, null, e);
            return;
        }
        long begin = System.currentTimeMillis();
        sender.sendAsync(addr, mq, target.prepared(), remaining).whenComplete((result, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            faults.updateFaultItem(mq.getBrokerName(), System.currentTimeMillis() - begin, cause != null);
            boolean retry = cause instanceof RemotingException && target.fixedQueue() == null
                    && attempt < producer.getRetryTimesWhenSendAsyncFailed();
            if (retry) {
                LOG.warn("async send to {} failed, retrying on another queue: {}", mq, cause.toString());
                attemptAsync(target, callback, deadline, attempt + 1, mq.getBrokerName());
            } else {
                finishAsync(callback, result, cause);
            }
        });
    }

    private void finishAsync(SendCallback callback, SendResult result, Throwable error) {
        asyncPermits.release();
        try {
            if (error == null) {
                callback.onSuccess(result);
            } else {
                callback.onException(error);
            }
        } catch (RuntimeException e) {
            LOG.warn("send callback threw", e);
        }
    }

    // ---- oneway ----

    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        checkRunning();
        PreparedMessage prepared = PreparedMessage.of(msg, producer);
        MessageQueue mq = selectQueue(findPublishInfo(prepared.topic()), null);
        sender.sendOneway(brokerAddr(mq), mq, prepared, producer.getSendMsgTimeout());
    }

    public void sendOneway(Message msg, MessageQueue mq) throws MQClientException, RemotingException, InterruptedException {
        checkRunning();
        PreparedMessage prepared = PreparedMessage.of(msg, producer);
        checkQueueTopic(prepared, mq);
        sender.sendOneway(brokerAddr(mq), mq, prepared, producer.getSendMsgTimeout());
    }

    public void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
            throws MQClientException, RemotingException, InterruptedException {
        checkRunning();
        PreparedMessage prepared = PreparedMessage.of(msg, producer);
        MessageQueue mq = select(prepared, selector, arg);
        sender.sendOneway(brokerAddr(mq), mq, prepared, producer.getSendMsgTimeout());
    }

    public MQClientInstance clientInstance() {
        return instance;
    }
}
