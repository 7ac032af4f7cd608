package io.apogee.client.impl.consumer;

import io.apogee.client.consumer.AllocateMessageQueueStrategy;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.LockBatchRequestBody;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.body.UnlockBatchRequestBody;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side rebalance of one consumer (flows.md §4.2): which queues it owns, with one
 * {@link ProcessQueue} each, and the broker locks of an orderly consumer. Subclasses decide what
 * happens when a queue is added or removed.
 */
public abstract class RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceImpl.class);
    private static final long LOCK_TIMEOUT = 1000;

    protected final String consumerGroup;
    protected final MQClientInstance instance;
    private final MessageModel messageModel;
    private final AllocateMessageQueueStrategy strategy;
    protected final ConcurrentMap<MessageQueue, ProcessQueue> processQueueTable = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<MessageQueue>> topicSubscribeInfo = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SubscriptionData> subscriptions;

    /** @param subscriptions the consumer's live subscription table (topics may be added while running) */
    protected RebalanceImpl(String consumerGroup, MQClientInstance instance, MessageModel messageModel,
                            AllocateMessageQueueStrategy strategy, ConcurrentMap<String, SubscriptionData> subscriptions) {
        this.consumerGroup = consumerGroup;
        this.subscriptions = subscriptions;
        this.instance = instance;
        this.messageModel = messageModel;
        this.strategy = strategy;
    }

    /** Drops the queue's pending state; false keeps it (e.g. an orderly queue still consuming). */
    protected abstract boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq);

    /** Where to start a newly assigned queue; negative means "skip this round". */
    protected abstract long computePullFromWhere(MessageQueue mq);

    protected abstract void startQueues(List<PullRequest> requests);

    public ConcurrentMap<String, SubscriptionData> subscriptions() {
        return subscriptions;
    }

    public ConcurrentMap<MessageQueue, ProcessQueue> processQueueTable() {
        return processQueueTable;
    }

    public void setTopicSubscribeInfo(String topic, Set<MessageQueue> queues) {
        if (subscriptions.containsKey(topic)) {
            topicSubscribeInfo.put(topic, queues);
        }
    }

    public Set<MessageQueue> topicSubscribeInfo(String topic) {
        return topicSubscribeInfo.get(topic);
    }

    /** @return false when some allocated queue could not be taken yet (its lock is still held elsewhere) */
    public boolean doRebalance(boolean orderly) {
        boolean balanced = true;
        for (String topic : subscriptions.keySet()) {
            try {
                balanced &= rebalanceByTopic(topic, orderly);
            } catch (RuntimeException e) {
                LOG.warn("rebalance of {} for {} failed", topic, consumerGroup, e);
            }
        }
        // Unsubscribed topics: give their queues up.
        for (Map.Entry<MessageQueue, ProcessQueue> e : processQueueTable.entrySet()) {
            if (!subscriptions.containsKey(e.getKey().getTopic())) {
                e.getValue().setDropped(true);
                if (removeUnnecessaryMessageQueue(e.getKey(), e.getValue())) {
                    processQueueTable.remove(e.getKey());
                }
            }
        }
        return balanced;
    }

    private boolean rebalanceByTopic(String topic, boolean orderly) {
        Set<MessageQueue> mqSet = topicSubscribeInfo.get(topic);
        if (mqSet == null) {
            if (!topic.startsWith("%RETRY%")) {
                LOG.debug("no route yet for {} of {}", topic, consumerGroup);
            }
            return true;
        }
        if (messageModel == MessageModel.BROADCASTING) {
            return updateProcessQueueTable(topic, mqSet, orderly);
        }
        List<String> cidAll = new ArrayList<>(instance.findConsumerIdList(topic, consumerGroup));
        if (cidAll.isEmpty()) {
            return true;
        }
        List<MessageQueue> mqAll = new ArrayList<>(mqSet);
        Collections.sort(mqAll);
        Collections.sort(cidAll);
        List<MessageQueue> allocated;
        try {
            allocated = strategy.allocate(consumerGroup, instance.getClientId(), mqAll, cidAll);
        } catch (RuntimeException e) {
            LOG.warn("allocation strategy {} failed for {}", strategy.getName(), consumerGroup, e);
            return true;
        }
        return updateProcessQueueTable(topic, new HashSet<>(allocated), orderly);
    }

    /** @return false when an orderly queue could not be locked and stays for a later round */
    private boolean updateProcessQueueTable(String topic, Set<MessageQueue> mqSet, boolean orderly) {
        boolean allTaken = true;
        for (Map.Entry<MessageQueue, ProcessQueue> e : processQueueTable.entrySet()) {
            MessageQueue mq = e.getKey();
            if (mq.getTopic().equals(topic) && !mqSet.contains(mq)) {
                e.getValue().setDropped(true);
                if (removeUnnecessaryMessageQueue(mq, e.getValue())) {
                    processQueueTable.remove(mq);
                    LOG.info("[{}] gave up {}", consumerGroup, mq);
                }
            }
        }
        List<PullRequest> added = new ArrayList<>();
        for (MessageQueue mq : mqSet) {
            if (processQueueTable.containsKey(mq)) {
                continue;
            }
            if (orderly && !lock(mq)) {
                allTaken = false;
                continue;
            }
            long offset = computePullFromWhere(mq);
            if (offset < 0) {
                continue;
            }
            ProcessQueue pq = new ProcessQueue();
            if (orderly) {
                pq.setLocked(true);
            }
            if (processQueueTable.putIfAbsent(mq, pq) == null) {
                LOG.info("[{}] took {} from offset {}", consumerGroup, mq, offset);
                added.add(new PullRequest(consumerGroup, mq, pq, offset));
            }
        }
        startQueues(added);
        return allTaken;
    }

    // ---- orderly locks ----

    private boolean lock(MessageQueue mq) {
        String addr = instance.findBrokerAddressInPublish(mq.getBrokerName());
        if (addr == null) {
            return false;
        }
        try {
            Set<MessageQueue> locked = instance.getMQClientAPI().lockBatchMQ(addr, lockBody(Set.of(mq)), LOCK_TIMEOUT);
            ProcessQueue pq = processQueueTable.get(mq);
            if (pq != null && locked.contains(mq)) {
                pq.setLocked(true);
                pq.setLastLockTimestamp(System.currentTimeMillis());
            }
            return locked.contains(mq);
        } catch (Exception e) {
            LOG.warn("lock {} for {} failed: {}", mq, consumerGroup, e.toString());
            return false;
        }
    }

    /** Renews the locks of every owned queue, one LOCK_BATCH_MQ per broker; queues refused are marked unlocked. */
    public void lockAll() {
        for (Map.Entry<String, Set<MessageQueue>> byBroker : queuesByBroker().entrySet()) {
            String addr = instance.findBrokerAddressInPublish(byBroker.getKey());
            if (addr == null) {
                continue;
            }
            try {
                Set<MessageQueue> locked = instance.getMQClientAPI().lockBatchMQ(addr, lockBody(byBroker.getValue()), LOCK_TIMEOUT);
                for (MessageQueue mq : byBroker.getValue()) {
                    ProcessQueue pq = processQueueTable.get(mq);
                    if (pq == null) {
                        continue;
                    }
                    pq.setLocked(locked.contains(mq));
                    if (locked.contains(mq)) {
                        pq.setLastLockTimestamp(System.currentTimeMillis());
                    }
                }
            } catch (Exception e) {
                LOG.warn("lock renewal at {} for {} failed: {}", addr, consumerGroup, e.toString());
            }
        }
    }

    public void unlockAll(boolean oneway) {
        for (Map.Entry<String, Set<MessageQueue>> byBroker : queuesByBroker().entrySet()) {
            unlock(byBroker.getKey(), byBroker.getValue(), oneway);
            byBroker.getValue().forEach(mq -> {
                ProcessQueue pq = processQueueTable.get(mq);
                if (pq != null) {
                    pq.setLocked(false);
                }
            });
        }
    }

    protected void unlock(String brokerName, Set<MessageQueue> mqs, boolean oneway) {
        String addr = instance.findBrokerAddressInPublish(brokerName);
        if (addr == null) {
            return;
        }
        UnlockBatchRequestBody body = new UnlockBatchRequestBody();
        body.setConsumerGroup(consumerGroup);
        body.setClientId(instance.getClientId());
        body.setMqSet(new HashSet<>(mqs));
        try {
            instance.getMQClientAPI().unlockBatchMQ(addr, body, oneway, LOCK_TIMEOUT);
        } catch (Exception e) {
            LOG.warn("unlock at {} for {} failed: {}", addr, consumerGroup, e.toString());
        }
    }

    private LockBatchRequestBody lockBody(Set<MessageQueue> mqs) {
        LockBatchRequestBody body = new LockBatchRequestBody();
        body.setConsumerGroup(consumerGroup);
        body.setClientId(instance.getClientId());
        body.setMqSet(new HashSet<>(mqs));
        return body;
    }

    private Map<String, Set<MessageQueue>> queuesByBroker() {
        Map<String, Set<MessageQueue>> result = new HashMap<>();
        for (MessageQueue mq : processQueueTable.keySet()) {
            result.computeIfAbsent(mq.getBrokerName(), b -> new HashSet<>()).add(mq);
        }
        return result;
    }

    /** Marks every queue dropped (consumer shutting down). */
    public void dropAll() {
        processQueueTable.values().forEach(pq -> pq.setDropped(true));
    }
}
