package io.apogee.namesrv.route;

import io.apogee.protocol.DataVersion;
import io.apogee.protocol.PermName;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicList;
import io.apogee.protocol.namesrv.BrokerMemberGroup;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route registry: which brokers exist, in which cluster, and which of them serve each topic.
 *
 * <p>Reads never lock. Every value stored in the tables below is immutable once published (maps and
 * sets are unmodifiable copies; BrokerData and QueueData instances are never mutated after being put),
 * so a reader sees either the old or the new state of each entry. Writers copy, modify and put, and
 * are serialized by one monitor so that multi-table updates do not interleave. Registrations arrive
 * every 30 s per broker, so writes are rare and short next to the stream of client route queries.
 */
public final class RouteInfoManager {
    private static final Logger LOG = LoggerFactory.getLogger(RouteInfoManager.class);

    /** topic -> brokerName -> that broker's queues of the topic. */
    private final ConcurrentHashMap<String, Map<String, QueueData>> topicQueueTable = new ConcurrentHashMap<>();
    /** brokerName -> addresses of the master and slaves. */
    private final ConcurrentHashMap<String, BrokerData> brokerAddrTable = new ConcurrentHashMap<>();
    /** clusterName -> broker names. */
    private final ConcurrentHashMap<String, Set<String>> clusterAddrTable = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<BrokerAddrInfo, BrokerLiveInfo> brokerLiveTable = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final LongSupplier clock;

    public RouteInfoManager() {
        this(System::currentTimeMillis);
    }

    RouteInfoManager(LongSupplier clock) {
        this.clock = clock;
    }

    public RegistrationResult registerBroker(BrokerRegistration reg) {
        synchronized (writeLock) {
            BrokerData existing = brokerAddrTable.get(reg.brokerName());
            boolean firstOfName = existing == null;
            Map<String, TopicConfig> topics = reg.topicConfigs().getTopicConfigTable();
            // A one-topic table is an incremental registration (5.x single-topic update); it only makes
            // sense after the broker's full table, so a broker id we have never seen is refused.
            if (topics.size() == 1 && (firstOfName || !existing.getBrokerAddrs().containsKey(reg.brokerId()))) {
                LOG.warn("refused incremental registration of unknown broker {}/{} id {}", reg.clusterName(), reg.brokerAddr(), reg.brokerId());
                return RegistrationResult.REFUSED;
            }

            addToCluster(reg.clusterName(), reg.brokerName());
            BrokerData brokerData = withRegisteredAddress(existing, reg);
            brokerAddrTable.put(reg.brokerName(), brokerData);

            BrokerAddrInfo addrInfo = new BrokerAddrInfo(reg.clusterName(), reg.brokerAddr());
            DataVersion version = reg.topicConfigs().getDataVersion();
            BrokerLiveInfo previous = brokerLiveTable.get(addrInfo);
            boolean changed = previous == null || !version.equals(previous.dataVersion());
            // Routes follow the master's topic table; slaves only add addresses.
            if (reg.brokerId() == BrokerData.MASTER_ID && (firstOfName || changed)) {
                topics.values().forEach(topic -> putQueueData(topic.getTopicName(), new QueueData(reg.brokerName(),
                        topic.getReadQueueNums(), topic.getWriteQueueNums(), topic.getPerm(), topic.getTopicSysFlag())));
            }
            brokerLiveTable.put(addrInfo, new BrokerLiveInfo(reg.brokerName(), reg.brokerId(), reg.timeoutMillis(),
                    version.copy(), reg.channel(), reg.haServerAddr(), clock.getAsLong()));
            if (previous == null) {
                LOG.info("broker registered: {}/{} id {} at {}", reg.clusterName(), reg.brokerName(), reg.brokerId(), reg.brokerAddr());
            }
            return slaveView(reg.clusterName(), reg.brokerId(), brokerData);
        }
    }

    /** A copy of the broker name's data (or new data) with the registering address under its id. */
    private static BrokerData withRegisteredAddress(BrokerData existing, BrokerRegistration reg) {
        BrokerData brokerData = existing == null ? new BrokerData(reg.clusterName(), reg.brokerName(), Map.of()) : new BrokerData(existing);
        if (reg.enableActingMaster() != null) {
            brokerData.setEnableActingMaster(reg.enableActingMaster());
        }
        if (reg.zoneName() != null) {
            brokerData.setZoneName(reg.zoneName());
        }
        // One address holds one role: a slave promoted to master re-registers under id 0.
        brokerData.getBrokerAddrs().values().removeIf(reg.brokerAddr()::equals);
        brokerData.getBrokerAddrs().put(reg.brokerId(), reg.brokerAddr());
        return brokerData;
    }

    private RegistrationResult slaveView(String clusterName, long brokerId, BrokerData brokerData) {
        String masterAddr = brokerData.masterAddr();
        if (brokerId == BrokerData.MASTER_ID || masterAddr == null) {
            return new RegistrationResult(true, null, null);
        }
        BrokerLiveInfo master = brokerLiveTable.get(new BrokerAddrInfo(clusterName, masterAddr));
        return master == null ? new RegistrationResult(true, null, null)
                : new RegistrationResult(true, masterAddr, master.haServerAddr());
    }

    /** Drops one broker process; its broker name (and that name's queues) goes when no address is left. */
    public void unregisterBroker(String clusterName, String brokerAddr, String brokerName, long brokerId) {
        synchronized (writeLock) {
            brokerLiveTable.remove(new BrokerAddrInfo(clusterName, brokerAddr));
            BrokerData existing = brokerAddrTable.get(brokerName);
            if (existing == null) {
                return;
            }
            BrokerData brokerData = new BrokerData(existing);
            // Remove only if the id still maps to this address: a newer process may have taken the id over.
            if (!brokerData.getBrokerAddrs().remove(brokerId, brokerAddr)) {
                return;
            }
            LOG.info("broker unregistered: {}/{} id {} at {}", clusterName, brokerName, brokerId, brokerAddr);
            if (!brokerData.getBrokerAddrs().isEmpty()) {
                brokerAddrTable.put(brokerName, brokerData);
                return;
            }
            brokerAddrTable.remove(brokerName);
            removeFromCluster(clusterName, brokerName);
            removeQueueDataOf(brokerName);
        }
    }

    /** The broker behind a closed connection is gone at once, not after its registration expires. */
    public void onChannelDestroy(Channel channel) {
        brokerLiveTable.forEach((addr, live) -> {
            if (live.channel() == channel) {
                unregisterBroker(addr.clusterName(), addr.brokerAddr(), live.brokerName(), live.brokerId());
            }
        });
    }

    /** Drops every broker whose registration is older than its timeout; returns how many went. */
    public int scanNotActiveBroker() {
        long now = clock.getAsLong();
        int removed = 0;
        for (Map.Entry<BrokerAddrInfo, BrokerLiveInfo> entry : brokerLiveTable.entrySet()) {
            BrokerLiveInfo live = entry.getValue();
            if (live.expiredAt(now)) {
                LOG.warn("broker {} expired: no registration within its timeout", entry.getKey());
                if (live.channel() != null) {
                    live.channel().close();
                }
                unregisterBroker(entry.getKey().clusterName(), entry.getKey().brokerAddr(), live.brokerName(), live.brokerId());
                removed++;
            }
        }
        return removed;
    }

    /** True when the broker's table version differs from what it last registered (or it is unknown). */
    public boolean isBrokerTopicConfigChanged(String clusterName, String brokerAddr, DataVersion version) {
        BrokerLiveInfo live = brokerLiveTable.get(new BrokerAddrInfo(clusterName, brokerAddr));
        return live == null || !live.dataVersion().equals(version);
    }

    /** The version last registered by a broker, or null when it is not registered. */
    public DataVersion queryBrokerTopicConfig(String clusterName, String brokerAddr) {
        BrokerLiveInfo live = brokerLiveTable.get(new BrokerAddrInfo(clusterName, brokerAddr));
        return live == null ? null : live.dataVersion().copy();
    }

    /** Renews a registration without a new topic table (version checks, 5.x heartbeats). */
    public void touchBroker(String clusterName, String brokerAddr) {
        BrokerLiveInfo live = brokerLiveTable.get(new BrokerAddrInfo(clusterName, brokerAddr));
        if (live != null) {
            live.touch(clock.getAsLong());
        }
    }

    /**
     * The topic's route, or null when no live broker serves it. The route's QueueData and BrokerData
     * are the published instances, shared with other readers: serialize them, never modify them.
     */
    public TopicRouteData pickupTopicRouteData(String topic) {
        Map<String, QueueData> queues = topicQueueTable.get(topic);
        if (queues == null || queues.isEmpty()) {
            return null;
        }
        List<BrokerData> brokers = new ArrayList<>(queues.size());
        for (String brokerName : queues.keySet()) {
            BrokerData brokerData = brokerAddrTable.get(brokerName);
            if (brokerData != null) {
                brokers.add(brokerData);
            }
        }
        return brokers.isEmpty() ? null : new TopicRouteData(new ArrayList<>(queues.values()), brokers);
    }

    /** Puts the given queue data of a topic, skipping brokers we do not know (REGISTER_TOPIC_IN_NAMESRV). */
    public void registerTopic(String topic, Collection<QueueData> queueDatas) {
        synchronized (writeLock) {
            for (QueueData queueData : queueDatas) {
                if (brokerAddrTable.containsKey(queueData.getBrokerName())) {
                    putQueueData(topic, queueData);
                }
            }
        }
    }

    /** All brokers by name and cluster; like routes, the BrokerData inside are shared and read-only. */
    public ClusterInfo getAllClusterInfo() {
        return new ClusterInfo(brokerAddrTable, clusterAddrTable);
    }

    public BrokerMemberGroup getBrokerMemberGroup(String clusterName, String brokerName) {
        BrokerData brokerData = brokerAddrTable.get(brokerName);
        return new BrokerMemberGroup(clusterName, brokerName, brokerData == null ? Map.of() : brokerData.getBrokerAddrs());
    }

    public TopicList getAllTopicList() {
        return new TopicList(topicQueueTable.keySet());
    }

    public TopicList getTopicsByCluster(String clusterName) {
        Set<String> brokerNames = clusterAddrTable.getOrDefault(clusterName, Set.of());
        List<String> topics = new ArrayList<>();
        topicQueueTable.forEach((topic, queues) -> {
            if (queues.keySet().stream().anyMatch(brokerNames::contains)) {
                topics.add(topic);
            }
        });
        return new TopicList(topics);
    }

    /** Cluster and broker names double as system topics; {@code brokerAddr} tells the client which broker lists the rest. */
    public TopicList getSystemTopicList() {
        Set<String> names = new HashSet<>(clusterAddrTable.keySet());
        names.addAll(brokerAddrTable.keySet());
        TopicList list = new TopicList(names);
        brokerAddrTable.values().stream().map(BrokerData::masterAddr).filter(addr -> addr != null).findFirst()
                .ifPresent(list::setBrokerAddr);
        return list;
    }

    /** Topics whose first queue data's sysFlag matches, for the unit-topic list requests. */
    public TopicList getTopicsBySysFlag(IntPredicate sysFlagMatches) {
        List<String> topics = new ArrayList<>();
        topicQueueTable.forEach((topic, queues) -> {
            if (queues.values().stream().findFirst().filter(q -> sysFlagMatches.test(q.getTopicSysFlag())).isPresent()) {
                topics.add(topic);
            }
        });
        return new TopicList(topics);
    }

    /** Removes the topic everywhere, or only from the brokers of {@code clusterName} when it is given. */
    public void deleteTopic(String topic, String clusterName) {
        synchronized (writeLock) {
            if (clusterName == null || clusterName.isEmpty()) {
                topicQueueTable.remove(topic);
                return;
            }
            Set<String> brokerNames = clusterAddrTable.getOrDefault(clusterName, Set.of());
            Map<String, QueueData> queues = topicQueueTable.get(topic);
            if (queues != null) {
                Map<String, QueueData> kept = new HashMap<>(queues);
                kept.keySet().removeAll(brokerNames);
                publishQueues(topic, kept);
            }
        }
    }

    /** Clears write permission on every topic of the broker name (read stays), for draining a broker. */
    public int wipeWritePermOfBroker(String brokerName) {
        return updatePermOfBroker(brokerName, perm -> perm & ~PermName.PERM_WRITE);
    }

    public int addWritePermOfBroker(String brokerName) {
        return updatePermOfBroker(brokerName, perm -> PermName.READ_WRITE);
    }

    private int updatePermOfBroker(String brokerName, IntUnaryOperator newPerm) {
        synchronized (writeLock) {
            int count = 0;
            for (Map.Entry<String, Map<String, QueueData>> entry : topicQueueTable.entrySet()) {
                QueueData queueData = entry.getValue().get(brokerName);
                if (queueData != null) {
                    putQueueData(entry.getKey(), queueData.withPerm(newPerm.applyAsInt(queueData.getPerm())));
                    count++;
                }
            }
            return count;
        }
    }

    private void putQueueData(String topic, QueueData queueData) {
        Map<String, QueueData> current = topicQueueTable.getOrDefault(topic, Map.of());
        if (queueData.equals(current.get(queueData.getBrokerName()))) {
            return;
        }
        Map<String, QueueData> updated = new HashMap<>(current);
        updated.put(queueData.getBrokerName(), queueData);
        publishQueues(topic, updated);
    }

    private void removeQueueDataOf(String brokerName) {
        for (Map.Entry<String, Map<String, QueueData>> entry : topicQueueTable.entrySet()) {
            if (entry.getValue().containsKey(brokerName)) {
                Map<String, QueueData> kept = new HashMap<>(entry.getValue());
                kept.remove(brokerName);
                publishQueues(entry.getKey(), kept);
            }
        }
    }

    private void publishQueues(String topic, Map<String, QueueData> queues) {
        if (queues.isEmpty()) {
            topicQueueTable.remove(topic);
        } else {
            topicQueueTable.put(topic, Map.copyOf(queues));
        }
    }

    private void addToCluster(String clusterName, String brokerName) {
        Set<String> names = clusterAddrTable.getOrDefault(clusterName, Set.of());
        if (!names.contains(brokerName)) {
            Set<String> updated = new HashSet<>(names);
            updated.add(brokerName);
            clusterAddrTable.put(clusterName, Set.copyOf(updated));
        }
    }

    private void removeFromCluster(String clusterName, String brokerName) {
        Set<String> names = clusterAddrTable.get(clusterName);
        if (names == null || !names.contains(brokerName)) {
            return;
        }
        Set<String> updated = new HashSet<>(names);
        updated.remove(brokerName);
        if (updated.isEmpty()) {
            clusterAddrTable.remove(clusterName);
        } else {
            clusterAddrTable.put(clusterName, Set.copyOf(updated));
        }
    }
}
