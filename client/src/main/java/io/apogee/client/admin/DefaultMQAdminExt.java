package io.apogee.client.admin;

import io.apogee.client.ClientConfig;
import io.apogee.client.QueryResult;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.client.impl.MQClientAPI;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.client.impl.MQClientManager;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.Json;
import io.apogee.protocol.KVTable;
import io.apogee.protocol.PermName;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicList;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.protocol.body.ConsumeStats;
import io.apogee.protocol.body.ConsumerConnection;
import io.apogee.protocol.body.ConsumerRunningInfo;
import io.apogee.protocol.body.GetConsumerStatusBody;
import io.apogee.protocol.body.GroupList;
import io.apogee.protocol.body.ProducerConnection;
import io.apogee.protocol.body.ResetOffsetBody;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.body.TopicStatsTable;
import io.apogee.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.apogee.protocol.header.CreateTopicRequestHeader;
import io.apogee.protocol.header.DeleteSubscriptionGroupRequestHeader;
import io.apogee.protocol.header.DeleteTopicRequestHeader;
import io.apogee.protocol.header.GetConsumeStatsRequestHeader;
import io.apogee.protocol.header.GetConsumerConnectionListRequestHeader;
import io.apogee.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.apogee.protocol.header.GetConsumerStatusRequestHeader;
import io.apogee.protocol.header.GetProducerConnectionListRequestHeader;
import io.apogee.protocol.header.GetSubscriptionGroupConfigRequestHeader;
import io.apogee.protocol.header.GetTopicStatsInfoRequestHeader;
import io.apogee.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import io.apogee.protocol.header.ResetOffsetRequestHeader;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.protocol.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administration over the remoting protocol, with the method names of the official
 * {@code org.apache.rocketmq.tools.admin.DefaultMQAdminExt}: topics, subscription groups, offsets,
 * statistics, connections and message queries(). Broker-level calls take the broker's address;
 * cluster-level ones look the brokers up on the name servers.
 */
public class DefaultMQAdminExt extends ClientConfig {
    private static final String TOPIC_TEMPLATE = "TBW102";
    private final String adminExtGroup;
    private long timeoutMillis = 5000;
    private MQClientInstance instance;
    private MQClientAPI api;

    public DefaultMQAdminExt() {
        this("admin_ext_group");
    }

    public DefaultMQAdminExt(String adminExtGroup) {
        this.adminExtGroup = adminExtGroup;
    }

    public DefaultMQAdminExt(long timeoutMillis) {
        this();
        this.timeoutMillis = timeoutMillis;
    }

    public void start() throws MQClientException {
        changeInstanceNameToPID();
        instance = MQClientManager.getInstance().getOrCreateMQClientInstance(this);
        if (!instance.registerAdmin(adminExtGroup)) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the admin group " + adminExtGroup + " has been created before");
        }
        instance.start();
        api = instance.getMQClientAPI();
    }

    public void shutdown() {
        if (instance != null) {
            instance.unregisterAdmin(adminExtGroup);
            instance.shutdown();
            instance = null;
        }
    }

    private RemotingCommand broker(String addr, int code, io.apogee.remoting.header.CommandCustomHeader header, byte[] body)
            throws RemotingException, MQBrokerException, InterruptedException {
        return api.invokeExpectingSuccess(addr, code, header, body, timeoutMillis);
    }

    private RemotingCommand nameServer(int code, io.apogee.remoting.header.CommandCustomHeader header)
            throws RemotingException, MQBrokerException, InterruptedException {
        return MQClientAPI.expectSuccess(api.invokeNameServer(code, header, null, timeoutMillis), null);
    }

    // ---- cluster and topics ----

    public ClusterInfo examineBrokerClusterInfo() throws RemotingException, MQBrokerException, InterruptedException {
        return Json.parse(nameServer(RequestCode.GET_BROKER_CLUSTER_INFO, null).getBody(), ClusterInfo.class);
    }

    public TopicRouteData examineTopicRouteInfo(String topic) throws RemotingException, MQClientException, InterruptedException {
        return api.getTopicRouteInfoFromNameServer(topic, timeoutMillis);
    }

    public TopicList fetchAllTopicList() throws RemotingException, MQBrokerException, InterruptedException {
        return Json.parse(nameServer(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null).getBody(), TopicList.class);
    }

    /** Creates or updates the topic on one broker, which then registers it with the name servers. */
    public void createAndUpdateTopicConfig(String addr, TopicConfig config)
            throws RemotingException, MQBrokerException, InterruptedException {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader();
        header.setTopic(config.getTopicName());
        header.setDefaultTopic(TOPIC_TEMPLATE);
        header.setReadQueueNums(config.getReadQueueNums());
        header.setWriteQueueNums(config.getWriteQueueNums());
        header.setPerm(config.getPerm());
        header.setTopicFilterType(config.getTopicFilterType().name());
        header.setTopicSysFlag(config.getTopicSysFlag());
        header.setOrder(config.isOrder());
        broker(addr, RequestCode.UPDATE_AND_CREATE_TOPIC, header, null);
    }

    /** Creates the topic with {@code queueNum} read/write queues on every master of the cluster {@code clusterName}. */
    public void createTopic(String clusterName, String newTopic, int queueNum)
            throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        List<String> masters = masterAddrs(clusterName);
        if (masters.isEmpty()) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "no master broker in cluster " + clusterName);
        }
        for (String addr : masters) {
            createAndUpdateTopicConfig(addr, new TopicConfig(newTopic, queueNum, queueNum, PermName.READ_WRITE));
        }
    }

    /** Deletes the topic from every broker of the cluster and from every name server. */
    public void deleteTopic(String topic, String clusterName)
            throws RemotingException, MQBrokerException, InterruptedException {
        DeleteTopicRequestHeader header = new DeleteTopicRequestHeader();
        header.setTopic(topic);
        for (BrokerData bd : brokersOf(clusterName)) {
            for (String addr : bd.getBrokerAddrs().values()) {
                broker(addr, RequestCode.DELETE_TOPIC_IN_BROKER, header, null);
            }
        }
        DeleteTopicFromNamesrvRequestHeader nsHeader = new DeleteTopicFromNamesrvRequestHeader();
        nsHeader.setTopic(topic);
        nsHeader.setClusterName(clusterName);
        for (String namesrv : api.getNameServerAddressList()) {
            MQClientAPI.expectSuccess(api.invoke(namesrv, RequestCode.DELETE_TOPIC_IN_NAMESRV, nsHeader, null, timeoutMillis), namesrv);
        }
    }

    /** Min/max offset and last update time of every queue of the topic, over all its brokers. */
    public TopicStatsTable examineTopicStats(String topic)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        TopicStatsTable merged = new TopicStatsTable();
        GetTopicStatsInfoRequestHeader header = new GetTopicStatsInfoRequestHeader();
        header.setTopic(topic);
        for (BrokerData bd : examineTopicRouteInfo(topic).getBrokerDatas()) {
            String addr = bd.masterAddr();
            if (addr != null) {
                TopicStatsTable one = Json.parse(broker(addr, RequestCode.GET_TOPIC_STATS_INFO, header, null).getBody(), TopicStatsTable.class);
                merged.getOffsetTable().putAll(one.getOffsetTable());
            }
        }
        return merged;
    }

    public GroupList queryTopicConsumeByWho(String topic)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        QueryTopicConsumeByWhoRequestHeader header = new QueryTopicConsumeByWhoRequestHeader();
        header.setTopic(topic);
        String addr = anyBrokerOf(examineTopicRouteInfo(topic));
        return Json.parse(broker(addr, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, header, null).getBody(), GroupList.class);
    }

    public KVTable fetchBrokerRuntimeStats(String brokerAddr) throws RemotingException, MQBrokerException, InterruptedException {
        return Json.parse(broker(brokerAddr, RequestCode.GET_BROKER_RUNTIME_INFO, null, null).getBody(), KVTable.class);
    }

    // ---- subscription groups ----

    public void createAndUpdateSubscriptionGroupConfig(String addr, SubscriptionGroupConfig config)
            throws RemotingException, MQBrokerException, InterruptedException {
        broker(addr, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null, Json.toBytes(config));
    }

    public SubscriptionGroupConfig examineSubscriptionGroupConfig(String addr, String group)
            throws RemotingException, MQBrokerException, InterruptedException {
        GetSubscriptionGroupConfigRequestHeader header = new GetSubscriptionGroupConfigRequestHeader();
        header.setGroup(group);
        return Json.parse(broker(addr, RequestCode.GET_SUBSCRIPTIONGROUP_CONFIG, header, null).getBody(), SubscriptionGroupConfig.class);
    }

    public void deleteSubscriptionGroup(String addr, String groupName, boolean removeOffset)
            throws RemotingException, MQBrokerException, InterruptedException {
        DeleteSubscriptionGroupRequestHeader header = new DeleteSubscriptionGroupRequestHeader();
        header.setGroupName(groupName);
        header.setCleanOffset(removeOffset);
        header.setRemoveOffset(removeOffset);
        broker(addr, RequestCode.DELETE_SUBSCRIPTIONGROUP, header, null);
    }

    // ---- consumers, producers, offsets ----

    /** Broker offset, consumer offset and lag of every queue the group consumes (of {@code topic}, or all). */
    public ConsumeStats examineConsumeStats(String consumerGroup, String topic)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        GetConsumeStatsRequestHeader header = new GetConsumeStatsRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setTopic(topic);
        ConsumeStats merged = new ConsumeStats();
        for (BrokerData bd : examineTopicRouteInfo(topic != null ? topic : "%RETRY%" + consumerGroup).getBrokerDatas()) {
            String addr = bd.masterAddr();
            if (addr == null) {
                continue;
            }
            ConsumeStats one = Json.parse(broker(addr, RequestCode.GET_CONSUME_STATS, header, null).getBody(), ConsumeStats.class);
            merged.getOffsetTable().putAll(one.getOffsetTable());
            merged.setConsumeTps(merged.getConsumeTps() + one.getConsumeTps());
        }
        return merged;
    }

    public ConsumeStats examineConsumeStats(String consumerGroup)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return examineConsumeStats(consumerGroup, null);
    }

    public ConsumerConnection examineConsumerConnectionInfo(String consumerGroup)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        GetConsumerConnectionListRequestHeader header = new GetConsumerConnectionListRequestHeader();
        header.setConsumerGroup(consumerGroup);
        String addr = anyBrokerOf(examineTopicRouteInfo("%RETRY%" + consumerGroup));
        return Json.parse(broker(addr, RequestCode.GET_CONSUMER_CONNECTION_LIST, header, null).getBody(), ConsumerConnection.class);
    }

    public ProducerConnection examineProducerConnectionInfo(String producerGroup, String topic)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        GetProducerConnectionListRequestHeader header = new GetProducerConnectionListRequestHeader();
        header.setProducerGroup(producerGroup);
        String addr = anyBrokerOf(examineTopicRouteInfo(topic));
        return Json.parse(broker(addr, RequestCode.GET_PRODUCER_CONNECTION_LIST, header, null).getBody(), ProducerConnection.class);
    }

    /** Asks one consumer client, through a broker, what it is doing. */
    public ConsumerRunningInfo getConsumerRunningInfo(String consumerGroup, String clientId, boolean jstack)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        GetConsumerRunningInfoRequestHeader header = new GetConsumerRunningInfoRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setClientId(clientId);
        header.setJstackEnable(jstack);
        String addr = anyBrokerOf(examineTopicRouteInfo("%RETRY%" + consumerGroup));
        RemotingCommand response = api.invokeExpectingSuccess(addr, RequestCode.GET_CONSUMER_RUNNING_INFO, header, null, 2 * timeoutMillis);
        return Json.parse(response.getBody(), ConsumerRunningInfo.class);
    }

    /**
     * Hands one stored message straight to the listener of {@code clientId}, a running consumer of
     * {@code consumerGroup}, and returns its answer (mqadmin consumeMessage; the dashboard's "resend"):
     * no queue, offset or retry is involved, so a listener that fails is not asked again.
     *
     * @param msgId the message's unique id (SendResult.msgId), found through the topic's index
     * @throws MQClientException when the index has no such message (yet: indexing lags storing a little)
     */
    public ConsumeMessageDirectlyResult consumeMessageDirectly(String consumerGroup, String clientId, String topic, String msgId)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        MessageExt msg = queries().viewMessage(topic, msgId);
        if (msg == null) {
            throw new MQClientException(ResponseCode.QUERY_NOT_FOUND, "no message " + msgId + " in " + topic);
        }
        String offsetMsgId = msg.getMsgId();
        ConsumeMessageDirectlyResultRequestHeader header = new ConsumeMessageDirectlyResultRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setClientId(clientId);
        header.setTopic(topic);
        header.setMsgId(offsetMsgId);
        RemotingCommand response = api.invokeExpectingSuccess(MQAdminImpl.brokerAddrOf(offsetMsgId), RequestCode.CONSUME_MESSAGE_DIRECTLY, header, null, 3 * timeoutMillis);
        return Json.parse(response.getBody(), ConsumeMessageDirectlyResult.class);
    }

    /**
     * Moves the group's offsets of the topic to the first message stored at or after
     * {@code timestamp} (-1: to the end) on every broker; online consumers are told to follow.
     */
    public Map<MessageQueue, Long> resetOffsetByTimestamp(String topic, String group, long timestamp, boolean isForce)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        ResetOffsetRequestHeader header = new ResetOffsetRequestHeader();
        header.setTopic(topic);
        header.setGroup(group);
        header.setTimestamp(timestamp);
        header.setIsForce(isForce);
        header.setOffset(-1L);
        Map<MessageQueue, Long> result = new HashMap<>();
        for (BrokerData bd : examineTopicRouteInfo(topic).getBrokerDatas()) {
            String addr = bd.masterAddr();
            if (addr != null) {
                RemotingCommand response = broker(addr, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, header, null);
                if (response.getBody() != null) {
                    result.putAll(Json.parse(response.getBody(), ResetOffsetBody.class).getOffsetTable());
                }
            }
        }
        return result;
    }

    /**
     * The offsets each online consumer of the group holds for the topic's queues, by client id, as
     * the consumers themselves report them (GET_CONSUMER_STATUS_FROM_CLIENT through every broker).
     */
    public Map<String, Map<MessageQueue, Long>> getConsumeStatus(String topic, String group, String clientAddr)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        GetConsumerStatusRequestHeader header = new GetConsumerStatusRequestHeader();
        header.setTopic(topic);
        header.setGroup(group);
        header.setClientAddr(clientAddr);
        Map<String, Map<MessageQueue, Long>> result = new HashMap<>();
        for (BrokerData bd : examineTopicRouteInfo(topic).getBrokerDatas()) {
            String addr = bd.masterAddr();
            if (addr == null) {
                continue;
            }
            RemotingCommand response = broker(addr, RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, header, null);
            if (response.getBody() != null) {
                Json.parse(response.getBody(), GetConsumerStatusBody.class).getConsumerTable().forEach((clientId, offsets) ->
                        result.computeIfAbsent(clientId, k -> new HashMap<>()).putAll(offsets));
            }
        }
        return result;
    }

    public void updateConsumeOffset(String brokerAddr, String consumeGroup, MessageQueue mq, long offset)
            throws RemotingException, MQBrokerException, InterruptedException {
        api.updateConsumerOffset(brokerAddr, consumeGroup, mq, offset, false, timeoutMillis);
    }

    public long maxOffset(MessageQueue mq) throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return queries().maxOffset(mq);
    }

    public long minOffset(MessageQueue mq) throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return queries().minOffset(mq);
    }

    public long searchOffset(MessageQueue mq, long timestamp)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return queries().searchOffset(mq, timestamp);
    }

    /** The store time of the oldest message still in the queue. */
    public long earliestMsgStoreTime(MessageQueue mq)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return queries().earliestMsgStoreTime(mq);
    }

    // ---- messages ----

    /** Reads a message by its offset id (SendResult.offsetMsgId), straight from the broker the id names. */
    public MessageExt viewMessage(String offsetMsgId) throws RemotingException, MQBrokerException, InterruptedException {
        return queries().viewMessage(offsetMsgId);
    }

    /** Messages of the topic whose KEYS contain {@code key}, stored between {@code begin} and {@code end} (ms). */
    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return queries().queryMessage(topic, key, maxNum, begin, end);
    }

    /** The message whose unique id (SendResult.msgId) is {@code uniqKey}, or null. */
    public MessageExt viewMessage(String topic, String uniqKey)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return queries().viewMessage(topic, uniqKey);
    }

    // ---- dead letters ----

    /**
     * The dead letters of a consumer group: messages of {@code %DLQ%<consumerGroup>} that failed
     * maxReconsumeTimes times, oldest first, at most {@code maxNum}. Reading them moves no offsets.
     * {@link MessageExt#getMsgId()} is the message's unique id, as the consumer saw it; the topic it
     * was first sent to is in property {@code RETRY_TOPIC}. Empty when the group has no dead letters.
     */
    public List<MessageExt> queryDlqMessages(String consumerGroup, int maxNum) throws MQClientException, InterruptedException {
        return deadLetters().list(consumerGroup, maxNum);
    }

    /**
     * Sends a dead letter of {@code consumerGroup} back to the topic it was first sent to, where
     * every group subscribed to that topic consumes it again with a fresh count of retries. The copy
     * keeps body, tags, keys, user properties and unique id; the dead letter itself stays where it is.
     *
     * @param msgId the unique id ({@link MessageExt#getMsgId()} of {@link #queryDlqMessages}) or the
     *              offset id of the dead letter
     * @throws MQClientException when the group has no dead letter with that id
     */
    public SendResult resendDlqMessage(String consumerGroup, String msgId) throws Exception {
        MessageExt deadLetter = deadLetters().find(consumerGroup, msgId);
        if (deadLetter == null) {
            throw new MQClientException(ResponseCode.QUERY_NOT_FOUND,
                    "no message " + msgId + " in " + DeadLetterQueue.topicOf(consumerGroup));
        }
        return deadLetters().resend(deadLetter);
    }

    private MQAdminImpl queries() {
        return new MQAdminImpl(api, timeoutMillis);
    }

    private DeadLetterQueue deadLetters() {
        return new DeadLetterQueue(instance, timeoutMillis);
    }

    // ---- helpers ----

    private List<BrokerData> brokersOf(String clusterName) throws RemotingException, MQBrokerException, InterruptedException {
        ClusterInfo info = examineBrokerClusterInfo();
        List<BrokerData> brokers = new ArrayList<>();
        for (String brokerName : info.getClusterAddrTable().getOrDefault(clusterName, Set.of())) {
            BrokerData bd = info.getBrokerAddrTable().get(brokerName);
            if (bd != null) {
                brokers.add(bd);
            }
        }
        return brokers;
    }

    private List<String> masterAddrs(String clusterName) throws RemotingException, MQBrokerException, InterruptedException {
        return brokersOf(clusterName).stream().map(BrokerData::masterAddr).filter(a -> a != null).toList();
    }

    private static String anyBrokerOf(TopicRouteData route) throws MQClientException {
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.masterAddr() != null ? bd.masterAddr() : bd.getBrokerAddrs().values().stream().findFirst().orElse(null);
            if (addr != null) {
                return addr;
            }
        }
        throw new MQClientException(ResponseCode.SYSTEM_ERROR, "no broker in the route");
    }

    public List<String> getNameServerAddressList() {
        return api.getNameServerAddressList();
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }
}
