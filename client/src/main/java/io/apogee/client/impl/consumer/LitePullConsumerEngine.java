package io.apogee.client.impl.consumer;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.consumer.MessageSelector;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.consumer.store.LocalFileOffsetStore;
import io.apogee.client.consumer.store.OffsetStore;
import io.apogee.client.consumer.store.ReadOffsetType;
import io.apogee.client.consumer.store.RemoteBrokerOffsetStore;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQClientAPI;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.impl.MQConsumerInner;
import io.apogee.client.impl.RouteConverter;
import io.apogee.client.impl.Validators;
import io.apogee.client.impl.consumer.PullAPIWrapper.PullSpec;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.ConsumerRunningInfo;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.header.PullSysFlag;
import io.apogee.remoting.netty.NamedThreadFactory;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lite-pull consumer's machinery behind {@link DefaultLitePullConsumer}: one background pull
 * chain per owned queue feeding a shared cache, {@code poll} draining it, and offsets advanced to
 * what was polled.
 */
public final class LitePullConsumerEngine implements MQConsumerInner {
    private static final Logger LOG = LoggerFactory.getLogger(LitePullConsumerEngine.class);
    private static final long BROKER_SUSPEND_MILLIS = 5_000;
    private static final long PULL_TIMEOUT_MILLIS = 15_000;
    private static final long DELAY_WHEN_FLOW_CONTROL = 50;
    private static final long DELAY_WHEN_PAUSED_OR_FAILED = 1000;

    private enum Mode { NONE, SUBSCRIBE, ASSIGN }

    /** One owned queue. A seek replaces its process queue, which ends the old pull chain and orphans its cached messages. */
    private static final class QueueState {
        volatile ProcessQueue pq;
        volatile long pullOffset;
        volatile long consumeOffset = -1;
        volatile boolean paused;

        QueueState(ProcessQueue pq, long pullOffset) {
            this.pq = pq;
            this.pullOffset = pullOffset;
        }
    }

    private record Polled(MessageQueue mq, ProcessQueue pq, List<MessageExt> msgs) {
    }

    private final DefaultLitePullConsumer config;
    private final ConcurrentMap<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private final ConcurrentMap<MessageQueue, QueueState> states = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Polled> cache = new LinkedBlockingQueue<>();
    private final AtomicInteger cachedMessages = new AtomicInteger();
    private volatile Mode mode = Mode.NONE;
    private volatile Set<MessageQueue> assigned = Set.of();
    private MQClientInstance instance;
    private OffsetStore offsetStore;
    private PullAPIWrapper pullAPI;
    private RebalanceLitePullImpl rebalance;
    private ScheduledThreadPoolExecutor pullExecutor;
    private volatile boolean running;
    private volatile long lastAutoCommit = System.currentTimeMillis();

    public LitePullConsumerEngine(DefaultLitePullConsumer config) {
        this.config = config;
    }

    // ---- lifecycle ----

    public synchronized void start() throws MQClientException {
        if (running) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the lite pull consumer " + config.getConsumerGroup() + " is already running");
        }
        Validators.checkGroup(config.getConsumerGroup());
        if (config.getMessageModel() == MessageModel.CLUSTERING) {
            config.changeInstanceNameToPID();
        }
        instance = MQClientManager.getInstance().getOrCreateMQClientInstance(config);
        pullAPI = new PullAPIWrapper(instance, config.getConsumerGroup());
        offsetStore = config.getMessageModel() == MessageModel.BROADCASTING
                ? new LocalFileOffsetStore(instance.getClientId(), config.getConsumerGroup())
                : new RemoteBrokerOffsetStore(instance, config.getConsumerGroup());
        offsetStore.load();
        rebalance = new RebalanceLitePullImpl(this);
        pullExecutor = new ScheduledThreadPoolExecutor(Math.max(1, config.getPullThreadNums()),
                new NamedThreadFactory("PullMsgThread-" + config.getConsumerGroup() + "-", true));
        if (!instance.registerConsumer(config.getConsumerGroup(), this)) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the consumer group " + config.getConsumerGroup()
                    + " has been created before in this client instance (" + instance.getClientId() + ")");
        }
        instance.start();
        // Routes, then the heartbeat (the brokers must know the group before it pulls), then the queues.
        subscriptions.keySet().forEach(instance::updateTopicRouteInfoFromNameServer);
        instance.sendHeartbeatToAllBrokerWithLock();
        running = true;
        if (mode == Mode.ASSIGN) {
            startAssigned(assigned);
        } else {
            instance.rebalanceImmediately();
        }
    }

    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        pullExecutor.shutdownNow();
        if (config.isAutoCommit()) {
            commitAll(true);
        }
        rebalance.dropAll();
        states.values().forEach(s -> s.pq.setDropped(true));
        instance.unregisterConsumer(config.getConsumerGroup());
        instance.shutdown();
    }

    public boolean isRunning() {
        return running;
    }

    // ---- subscribe / assign ----

    public synchronized void subscribe(String topic, MessageSelector selector) throws MQClientException {
        if (mode == Mode.ASSIGN) {
            throw new IllegalStateException("subscribe and assign are mutually exclusive");
        }
        Validators.checkTopic(topic);
        mode = Mode.SUBSCRIBE;
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

    public synchronized void assign(Collection<MessageQueue> queues) {
        if (mode == Mode.SUBSCRIBE) {
            throw new IllegalStateException("subscribe and assign are mutually exclusive");
        }
        if (queues == null || queues.isEmpty()) {
            throw new IllegalArgumentException("assign needs at least one message queue");
        }
        mode = Mode.ASSIGN;
        Set<MessageQueue> newSet = Set.copyOf(queues);
        for (MessageQueue mq : newSet) {
            subscriptions.putIfAbsent(mq.getTopic(), SubscriptionData.of(mq.getTopic(), SubscriptionData.SUB_ALL, null));
        }
        for (MessageQueue mq : assigned) {
            if (!newSet.contains(mq)) {
                stopQueue(mq);
            }
        }
        Set<MessageQueue> added = new HashSet<>(newSet);
        added.removeAll(assigned);
        assigned = newSet;
        if (running) {
            startAssigned(added);
        }
    }

    private void startAssigned(Set<MessageQueue> queues) {
        for (MessageQueue mq : queues) {
            startQueue(mq, new ProcessQueue(), -1);
        }
    }

    public Set<MessageQueue> assignment() {
        return mode == Mode.ASSIGN ? assigned : Set.copyOf(states.keySet());
    }

    public Collection<MessageQueue> fetchMessageQueues(String topic) throws MQClientException {
        checkRunning();
        if (!instance.updateTopicRouteInfoFromNameServer(topic)) {
            throw new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "Can not find Message Queue for this topic, " + topic);
        }
        return RouteConverter.toSubscribeInfo(topic, instance.route(topic));
    }

    private void checkRunning() throws MQClientException {
        if (!running) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the lite pull consumer is not running, call start() first");
        }
    }

    // ---- background pulls ----

    void startQueue(MessageQueue mq, ProcessQueue pq, long startOffset) {
        states.put(mq, new QueueState(pq, startOffset));
        schedule(mq, pq, 0);
    }

    /** Commits the queue's polled offset and stops pulling it (rebalance took it away or it was unassigned). */
    void stopQueue(MessageQueue mq) {
        QueueState state = states.remove(mq);
        if (state == null) {
            return;
        }
        state.pq.setDropped(true);
        if (state.consumeOffset >= 0) {
            offsetStore.updateOffset(mq, state.consumeOffset, false);
        }
        offsetStore.persist(mq);
        offsetStore.removeOffset(mq);
    }

    long startOffset(MessageQueue mq) {
        return OffsetBootstrap.startOffset(instance, offsetStore, mq, config.getConsumeFromWhere(), config.getConsumeTimestamp());
    }

    private void schedule(MessageQueue mq, ProcessQueue pq, long delayMillis) {
        try {
            pullExecutor.schedule(() -> pull(mq, pq), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down.
        }
    }

    private void pull(MessageQueue mq, ProcessQueue pq) {
        QueueState state = states.get(mq);
        if (!running || state == null || state.pq != pq || pq.isDropped()) {
            return;
        }
        if (state.paused) {
            schedule(mq, pq, DELAY_WHEN_PAUSED_OR_FAILED);
            return;
        }
        if (cachedMessages.get() > config.getPullThresholdForAll() || pq.cachedCount() > config.getPullThresholdForQueue()
                || pq.maxSpan() > config.getConsumeMaxSpan()) {
            schedule(mq, pq, DELAY_WHEN_FLOW_CONTROL);
            return;
        }
        if (state.pullOffset < 0) {
            state.pullOffset = startOffset(mq);
            if (state.pullOffset < 0) {
                schedule(mq, pq, DELAY_WHEN_PAUSED_OR_FAILED);
                return;
            }
        }
        SubscriptionData sub = subscriptions.getOrDefault(mq.getTopic(), SubscriptionData.of(mq.getTopic(), SubscriptionData.SUB_ALL, null));
        int sysFlag = PullSysFlag.build(false, true, true, false, true);
        PullSpec spec = new PullSpec(RequestCode.LITE_PULL_MESSAGE, sysFlag, 0, config.getPullBatchSize(),
                BROKER_SUSPEND_MILLIS, PULL_TIMEOUT_MILLIS);
        pullAPI.pull(mq, sub, state.pullOffset, spec).whenComplete((result, error) -> {
            if (state.pq != pq || pq.isDropped()) {
                return;
            }
            if (error != null) {
                LOG.warn("lite pull of {} failed: {}", mq, error.toString());
                schedule(mq, pq, DELAY_WHEN_PAUSED_OR_FAILED);
                return;
            }
            accept(mq, state, pq, result);
            schedule(mq, pq, 0);
        });
    }

    private void accept(MessageQueue mq, QueueState state, ProcessQueue pq, PullResult result) {
        if (result.getPullStatus() == PullStatus.FOUND && !result.getMsgFoundList().isEmpty()) {
            pq.putMessages(result.getMsgFoundList());
            cachedMessages.addAndGet(result.getMsgFoundList().size());
            cache.add(new Polled(mq, pq, result.getMsgFoundList()));
        } else if (result.getPullStatus() == PullStatus.OFFSET_ILLEGAL) {
            LOG.warn("offset {} of {} is illegal, continuing at {}", state.pullOffset, mq, result.getNextBeginOffset());
        }
        state.pullOffset = result.getNextBeginOffset();
    }

    // ---- poll, seek, commit ----

    public List<MessageExt> poll(long timeoutMillis) {
        if (!running) {
            throw new IllegalStateException("the lite pull consumer is not running, call start() first");
        }
        if (config.isAutoCommit() && System.currentTimeMillis() - lastAutoCommit >= config.getAutoCommitIntervalMillis()) {
            commitAll(false);
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (true) {
                long remaining = deadline - System.currentTimeMillis();
                Polled polled = remaining > 0 ? cache.poll(remaining, TimeUnit.MILLISECONDS) : cache.poll();
                if (polled == null) {
                    return List.of();
                }
                cachedMessages.addAndGet(-polled.msgs().size());
                QueueState state = states.get(polled.mq());
                if (state == null || state.pq != polled.pq() || polled.pq().isDropped()) {
                    continue;
                }
                long offset = polled.pq().removeMessages(polled.msgs());
                if (offset >= 0) {
                    state.consumeOffset = offset;
                }
                return polled.msgs();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    public void seek(MessageQueue mq, long offset) throws MQClientException {
        checkRunning();
        QueueState state = states.get(mq);
        if (state == null) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "The message queue is not in assigned list, may be rebalancing, message queue: " + mq);
        }
        String addr = brokerAddr(mq);
        try {
            long min = instance.getMQClientAPI().getMinOffset(addr, mq, config.getMqClientApiTimeout());
            long max = instance.getMQClientAPI().getMaxOffset(addr, mq, config.getMqClientApiTimeout());
            if (offset < min || offset > max) {
                throw new MQClientException(ResponseCode.SYSTEM_ERROR, "Seek offset illegal, seek offset = " + offset
                        + ", min offset = " + min + ", max offset = " + max);
            }
        } catch (MQClientException e) {
            throw e;
        } catch (Exception e) {
            throw new MQClientException("cannot read the offset range of " + mq, e);
        }
        synchronized (state) {
            ProcessQueue old = state.pq;
            ProcessQueue fresh = new ProcessQueue();
            state.pullOffset = offset;
            state.consumeOffset = offset;
            state.pq = fresh;
            old.setDropped(true);
            schedule(mq, fresh, 0);
        }
    }

    public void seekToBegin(MessageQueue mq) throws MQClientException {
        seek(mq, askBroker(mq, "the min offset", (api, addr, timeout) -> api.getMinOffset(addr, mq, timeout)));
    }

    public void seekToEnd(MessageQueue mq) throws MQClientException {
        seek(mq, askBroker(mq, "the max offset", (api, addr, timeout) -> api.getMaxOffset(addr, mq, timeout)));
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return askBroker(mq, "the offset at " + timestamp, (api, addr, timeout) -> api.searchOffset(addr, mq, timestamp, timeout));
    }

    /** One offset question to the master of the queue's broker. */
    private interface OffsetQuery {
        long ask(MQClientAPI api, String addr, long timeoutMillis) throws Exception;
    }

    private long askBroker(MessageQueue mq, String what, OffsetQuery query) throws MQClientException {
        checkRunning();
        try {
            return query.ask(instance.getMQClientAPI(), brokerAddr(mq), config.getMqClientApiTimeout());
        } catch (MQClientException e) {
            throw e;
        } catch (Exception e) {
            throw new MQClientException("cannot read " + what + " of " + mq, e);
        }
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

    public void pause(Collection<MessageQueue> queues, boolean paused) {
        for (MessageQueue mq : queues) {
            QueueState state = states.get(mq);
            if (state != null) {
                state.paused = paused;
            }
        }
    }

    public Long committed(MessageQueue mq) throws MQClientException {
        checkRunning();
        long offset = offsetStore.readOffset(mq, ReadOffsetType.READ_FROM_STORE);
        if (offset == -2) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "Fetch consume offset from broker exception");
        }
        return offset;
    }

    /** Moves the store's offsets to what was polled; {@code persist} also writes them through to the brokers now. */
    public void commitAll(boolean persist) {
        lastAutoCommit = System.currentTimeMillis();
        commit(states.keySet(), persist);
    }

    /** Moves the store's offsets of these queues (those read here) to what was polled from them. */
    public void commit(Set<MessageQueue> queues, boolean persist) {
        for (MessageQueue mq : queues) {
            QueueState state = states.get(mq);
            if (state != null && state.consumeOffset >= 0) {
                offsetStore.updateOffset(mq, state.consumeOffset, false);
                if (persist) {
                    offsetStore.persist(mq);
                }
            }
        }
        // The local file holds every queue read here: it is rewritten whole, with the others' last commits.
        if (persist && config.getMessageModel() == MessageModel.BROADCASTING) {
            offsetStore.persistAll(Set.copyOf(states.keySet()));
        }
    }

    public void commit(Map<MessageQueue, Long> offsets, boolean persist) {
        offsets.forEach((mq, offset) -> {
            if (states.containsKey(mq)) {
                offsetStore.updateOffset(mq, offset, false);
                if (persist) {
                    offsetStore.persist(mq);
                }
            }
        });
    }

    // ---- MQConsumerInner ----

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
        return ConsumeType.CONSUME_ACTIVELY;
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
        return !running || mode != Mode.SUBSCRIBE || rebalance.doRebalance(false);
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
            offsetStore.persistAll(Set.copyOf(states.keySet()));
        }
    }

    @Override
    public void resetOffset(String topic, Map<MessageQueue, Long> offsets) {
        offsets.forEach((mq, offset) -> {
            if (mq.getTopic().equals(topic)) {
                try {
                    seek(mq, offset);
                } catch (MQClientException e) {
                    LOG.warn("reset of {} to {} failed: {}", mq, offset, e.getMessage());
                }
            }
        });
    }

    @Override
    public Map<MessageQueue, Long> currentOffsets(String topic) {
        return offsetStore.cloneOffsetTable(topic);
    }

    @Override
    public ConsumerRunningInfo consumerRunningInfo() {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.getProperties().put("consumerGroup", config.getConsumerGroup());
        info.getProperties().put("PROP_CONSUME_TYPE", ConsumeType.CONSUME_ACTIVELY.name());
        info.setSubscriptionSet(subscriptions());
        states.forEach((mq, state) -> info.getMqTable().put(mq, state.pq.toInfo(state.consumeOffset)));
        return info;
    }

    // ---- for the rebalance ----

    DefaultLitePullConsumer config() {
        return config;
    }

    MQClientInstance instance() {
        return instance;
    }

    ConcurrentMap<String, SubscriptionData> subscriptionTable() {
        return subscriptions;
    }
}
