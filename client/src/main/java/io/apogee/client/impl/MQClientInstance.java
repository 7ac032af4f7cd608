package io.apogee.client.impl;

import io.apogee.client.ClientConfig;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.ConsumerData;
import io.apogee.protocol.body.HeartbeatData;
import io.apogee.protocol.body.ProducerData;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.netty.NamedThreadFactory;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the producers and consumers of one client id share: the connections, the routes and
 * broker addresses, the heartbeats, the periodic tasks, the rebalance and pull services and the
 * handlers of the broker's callbacks. Created by {@link MQClientManager}; it stops itself when the
 * last producer or consumer unregisters.
 */
public class MQClientInstance {
    /** Every started instance reports this producer group too, as the official clients do. */
    public static final String CLIENT_INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";
    private static final Logger LOG = LoggerFactory.getLogger(MQClientInstance.class);

    private final ClientConfig config;
    private final String clientId;
    private final NettyRemotingClient remoting;
    private final MQClientAPI api;
    private final ConcurrentMap<String, MQProducerInner> producers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MQConsumerInner> consumers = new ConcurrentHashMap<>();
    private final Set<String> admins = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, TopicRouteData> routes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<MessageQueue>> subscribeInfoSeen = new ConcurrentHashMap<>();
    /** brokerName → (brokerId → address), merged from every route seen. */
    private final ConcurrentMap<String, Map<Long, String>> brokerAddrs = new ConcurrentHashMap<>();
    private final ReentrantLock routeLock = new ReentrantLock();
    private final ReentrantLock heartbeatLock = new ReentrantLock();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callbackExecutor;
    private final RebalanceService rebalanceService;
    private final PullMessageService pullMessageService;
    private final long startTimestamp = System.currentTimeMillis();
    private boolean started;
    private DefaultMQProducer innerProducer;

    MQClientInstance(ClientConfig config, String clientId) {
        this.config = config;
        this.clientId = clientId;
        NettyClientConfig nettyConfig = new NettyClientConfig();
        nettyConfig.setClientCallbackExecutorThreads(config.getClientCallbackExecutorThreads());
        this.remoting = new NettyRemotingClient(nettyConfig);
        this.api = new MQClientAPI(remoting);
        api.updateNameServerAddressList(config.getNamesrvAddr());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("MQClientScheduler-" + clientId, true));
        this.callbackExecutor = Executors.newFixedThreadPool(2, new NamedThreadFactory("MQClientCallback-" + clientId, true));
        this.rebalanceService = new RebalanceService(this);
        this.pullMessageService = new PullMessageService(this);
        new ClientRemotingProcessor(this).registerTo(remoting, callbackExecutor);
    }

    public synchronized void start() {
        if (started) {
            return;
        }
        remoting.start();
        scheduler.scheduleAtFixedRate(safely(this::updateTopicRouteInfoFromNameServer), 10,
                config.getPollNameServerInterval(), TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(safely(this::sendHeartbeatToAllBrokerWithLock), 1000,
                config.getHeartbeatBrokerInterval(), TimeUnit.MILLISECONDS);
        // The first commit waits 10 s, or one period when that is shorter.
        scheduler.scheduleAtFixedRate(safely(this::persistAllConsumerOffset),
                Math.min(10_000, config.getPersistConsumerOffsetInterval()),
                config.getPersistConsumerOffsetInterval(), TimeUnit.MILLISECONDS);
        rebalanceService.start();
        started = true;
        LOG.info("client instance {} started", clientId);
    }

    private Runnable safely(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("periodic client task failed", e);
            }
        };
    }

    /** Stops everything once no producer or consumer other than the inner producer is left. */
    public synchronized void shutdown() {
        boolean onlyInner = producers.keySet().stream().allMatch(CLIENT_INNER_PRODUCER_GROUP::equals);
        if (!onlyInner || !consumers.isEmpty() || !admins.isEmpty() || !started) {
            return;
        }
        started = false;
        producers.clear();
        innerProducer = null;
        pullMessageService.shutdown();
        rebalanceService.shutdown();
        scheduler.shutdownNow();
        callbackExecutor.shutdownNow();
        remoting.shutdown();
        MQClientManager.getInstance().remove(clientId);
        LOG.info("client instance {} shut down", clientId);
    }

    // ---- registration ----

    public boolean registerProducer(String group, MQProducerInner producer) {
        return producers.putIfAbsent(group, producer) == null;
    }

    public boolean registerConsumer(String group, MQConsumerInner consumer) {
        return consumers.putIfAbsent(group, consumer) == null;
    }

    /** Removes the producer and tells every broker, so it stops sending transaction checks here. */
    public void unregisterProducer(String group) {
        producers.remove(group);
        unregisterClient(group, null);
    }

    public void unregisterConsumer(String group) {
        consumers.remove(group);
        unregisterClient(null, group);
    }

    private void unregisterClient(String producerGroup, String consumerGroup) {
        for (Map<Long, String> addrs : brokerAddrs.values()) {
            for (String addr : addrs.values()) {
                try {
                    api.unregisterClient(addr, clientId, producerGroup, consumerGroup, config.getMqClientApiTimeout());
                } catch (Exception e) {
                    LOG.warn("unregister {}/{} at {} failed: {}", producerGroup, consumerGroup, addr, e.toString());
                }
            }
        }
    }

    /**
     * The producer of group CLIENT_INNER_PRODUCER on this instance, started on first use; consumers
     * re-send failed messages to their retry topic with it when the broker refuses the send-back.
     */
    public synchronized DefaultMQProducer innerProducer() throws MQClientException {
        if (innerProducer == null) {
            DefaultMQProducer producer = new DefaultMQProducer(CLIENT_INNER_PRODUCER_GROUP);
            config.copyClientConfigTo(producer);
            producer.start();
            innerProducer = producer;
        }
        return innerProducer;
    }

    /** Admin clients only share the connections; registering keeps the instance alive while they run. */
    public boolean registerAdmin(String group) {
        return admins.add(group);
    }

    public void unregisterAdmin(String group) {
        admins.remove(group);
    }

    public MQProducerInner selectProducer(String group) {
        return producers.get(group);
    }

    public MQConsumerInner selectConsumer(String group) {
        return consumers.get(group);
    }

    // ---- routes ----

    /** Refreshes the routes of every topic a producer or consumer of this instance uses. */
    public void updateTopicRouteInfoFromNameServer() {
        Set<String> topics = new HashSet<>();
        producers.values().forEach(p -> topics.addAll(p.getPublishTopicList()));
        consumers.values().forEach(c -> c.subscriptions().forEach(s -> topics.add(s.getTopic())));
        for (String topic : topics) {
            updateTopicRouteInfoFromNameServer(topic);
        }
    }

    /** Fetches the topic's route; false when the name servers do not know it or cannot be reached. */
    public boolean updateTopicRouteInfoFromNameServer(String topic) {
        try {
            TopicRouteData route = api.getTopicRouteInfoFromNameServer(topic, config.getMqClientApiTimeout());
            applyRoute(topic, route);
            return true;
        } catch (MQClientException e) {
            if (e.getResponseCode() != ResponseCode.TOPIC_NOT_EXIST) {
                LOG.warn("route of {} not updated: {}", topic, e.getMessage());
            }
            return false;
        } catch (Exception e) {
            LOG.warn("route of {} not updated: {}", topic, e.toString());
            return false;
        }
    }

    /**
     * For a topic the name servers do not know yet: derives a route from the auto-create template
     * topic (TBW102) with at most {@code queueNums} queues per broker, so the first send lets the broker
     * create the topic (flows.md §2.1).
     */
    public boolean updateTopicRouteFromDefaultTopic(String topic, String defaultTopic, int queueNums) {
        try {
            TopicRouteData template = api.getTopicRouteInfoFromNameServer(defaultTopic, config.getMqClientApiTimeout());
            List<QueueData> clamped = template.getQueueDatas().stream().map(qd -> {
                int n = Math.min(queueNums, qd.getReadQueueNums());
                return new QueueData(qd.getBrokerName(), n, n, qd.getPerm(), qd.getTopicSysFlag());
            }).toList();
            TopicRouteData route = new TopicRouteData(clamped, template.getBrokerDatas());
            applyRoute(topic, route);
            return true;
        } catch (Exception e) {
            LOG.warn("no route for {} from template {}: {}", topic, defaultTopic, e.toString());
            return false;
        }
    }

    private void applyRoute(String topic, TopicRouteData route) {
        routeLock.lock();
        try {
            for (BrokerData bd : route.getBrokerDatas()) {
                brokerAddrs.put(bd.getBrokerName(), new HashMap<>(bd.getBrokerAddrs()));
            }
            routes.put(topic, route);
        } finally {
            routeLock.unlock();
        }
        TopicPublishInfo publishInfo = RouteConverter.toPublishInfo(topic, route);
        producers.values().forEach(p -> p.updateTopicPublishInfo(topic, publishInfo));
        Set<MessageQueue> subscribeInfo = RouteConverter.toSubscribeInfo(topic, route);
        consumers.values().forEach(c -> c.updateTopicSubscribeInfo(topic, subscribeInfo));
        // New or moved queues of a subscribed topic (e.g. a retry topic that just appeared) are taken at once.
        Set<MessageQueue> previous = subscribeInfoSeen.put(topic, subscribeInfo);
        if (!subscribeInfo.equals(previous)
                && consumers.values().stream().anyMatch(c -> c.subscriptions().stream().anyMatch(s -> s.getTopic().equals(topic)))) {
            rebalanceImmediately();
        }
    }

    public TopicRouteData route(String topic) {
        return routes.get(topic);
    }

    public String findBrokerAddressInPublish(String brokerName) {
        Map<Long, String> addrs = brokerAddrs.get(brokerName);
        return addrs == null ? null : addrs.get(BrokerData.MASTER_ID);
    }

    /** The address of {@code brokerId} under that name, else the master, else any address; null when unknown. */
    public String findBrokerAddressInSubscribe(String brokerName, long brokerId) {
        Map<Long, String> addrs = brokerAddrs.get(brokerName);
        if (addrs == null || addrs.isEmpty()) {
            return null;
        }
        String addr = addrs.get(brokerId);
        if (addr == null) {
            addr = addrs.get(BrokerData.MASTER_ID);
        }
        return addr != null ? addr : addrs.values().iterator().next();
    }

    /** A master address of any broker serving the topic, for group-wide queries such as the consumer list. */
    public String findBrokerAddrByTopic(String topic) {
        TopicRouteData route = routes.get(topic);
        if (route == null || route.getBrokerDatas().isEmpty()) {
            return null;
        }
        List<BrokerData> brokers = route.getBrokerDatas();
        BrokerData bd = brokers.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(brokers.size()));
        String master = bd.getBrokerAddrs().get(BrokerData.MASTER_ID);
        return master != null ? master : bd.getBrokerAddrs().values().stream().findFirst().orElse(null);
    }

    public List<String> findConsumerIdList(String topic, String group) {
        String addr = findBrokerAddrByTopic(topic);
        if (addr == null) {
            updateTopicRouteInfoFromNameServer(topic);
            addr = findBrokerAddrByTopic(topic);
        }
        if (addr == null) {
            return List.of();
        }
        try {
            return api.getConsumerIdListByGroup(addr, group, config.getMqClientApiTimeout());
        } catch (Exception e) {
            LOG.warn("consumer list of {} from {} failed: {}", group, addr, e.toString());
            return List.of();
        }
    }

    // ---- heartbeats ----

    /** Waits briefly for a round already under way, whose data may predate a client that just started. */
    public void sendHeartbeatToAllBrokerWithLock() {
        try {
            if (!heartbeatLock.tryLock(config.getMqClientApiTimeout(), TimeUnit.MILLISECONDS)) {
                LOG.warn("heartbeat skipped: the previous round is still running");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            cleanOfflineBrokers();
            sendHeartbeatToAllBroker();
        } finally {
            heartbeatLock.unlock();
        }
    }

    /** Forgets brokers that no known route mentions any more, so they get no heartbeats or unregistrations. */
    private void cleanOfflineBrokers() {
        routeLock.lock();
        try {
            Set<String> routed = new HashSet<>();
            routes.values().forEach(r -> r.getBrokerDatas().forEach(bd -> routed.add(bd.getBrokerName())));
            brokerAddrs.keySet().retainAll(routed);
        } finally {
            routeLock.unlock();
        }
    }

    private void sendHeartbeatToAllBroker() {
        HeartbeatData data = heartbeatData();
        boolean producerOnly = data.getConsumerDataSet().isEmpty();
        for (Map<Long, String> addrs : brokerAddrs.values()) {
            addrs.forEach((id, addr) -> {
                // Slaves only serve consumers, so a producer-only client beats to masters alone.
                if (producerOnly && id != BrokerData.MASTER_ID) {
                    return;
                }
                try {
                    api.sendHeartbeat(addr, data, config.getMqClientApiTimeout());
                } catch (Exception e) {
                    LOG.debug("heartbeat to {} failed: {}", addr, e.toString());
                }
            });
        }
    }

    private HeartbeatData heartbeatData() {
        HeartbeatData data = new HeartbeatData();
        data.setClientID(clientId);
        Set<ProducerData> producerData = new HashSet<>();
        for (String group : producers.keySet()) {
            ProducerData pd = new ProducerData();
            pd.setGroupName(group);
            producerData.add(pd);
        }
        if (!producers.containsKey(CLIENT_INNER_PRODUCER_GROUP)) {
            ProducerData inner = new ProducerData();
            inner.setGroupName(CLIENT_INNER_PRODUCER_GROUP);
            producerData.add(inner);
        }
        data.setProducerDataSet(producerData);
        Set<ConsumerData> consumerData = new HashSet<>();
        for (MQConsumerInner consumer : consumers.values()) {
            ConsumerData cd = new ConsumerData();
            cd.setGroupName(consumer.groupName());
            cd.setConsumeType(consumer.consumeType());
            cd.setMessageModel(consumer.messageModel());
            cd.setConsumeFromWhere(consumer.consumeFromWhere());
            cd.setSubscriptionDataSet(new HashSet<>(consumer.subscriptions()));
            consumerData.add(cd);
        }
        data.setConsumerDataSet(consumerData);
        return data;
    }

    // ---- consumers ----

    private void persistAllConsumerOffset() {
        consumers.values().forEach(MQConsumerInner::persistConsumerOffset);
    }

    /** Wakes the rebalance service at once, e.g. after NOTIFY_CONSUMER_IDS_CHANGED or a new consumer. */
    public void rebalanceImmediately() {
        rebalanceService.wakeup();
    }

    /** @return false when some consumer wants another round soon */
    boolean doRebalance() {
        boolean balanced = true;
        for (MQConsumerInner consumer : consumers.values()) {
            try {
                balanced &= consumer.doRebalance();
            } catch (RuntimeException e) {
                LOG.warn("rebalance of {} failed", consumer.groupName(), e);
            }
        }
        return balanced;
    }

    // ---- accessors ----

    public MQClientAPI getMQClientAPI() {
        return api;
    }

    public PullMessageService getPullMessageService() {
        return pullMessageService;
    }

    public String getClientId() {
        return clientId;
    }

    public long getStartTimestamp() {
        return startTimestamp;
    }
}
