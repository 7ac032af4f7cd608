package io.apogee.broker;

import io.apogee.protocol.PermName;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * Broker settings under RocketMQ's property names, so an existing broker.conf loads unchanged.
 * Storage settings live in the store's own config; this class holds what the broker layer decides.
 */
public class BrokerConfig {
    private String brokerClusterName = "DefaultCluster";
    private String brokerName = "broker-a";
    /** 0 = master, 1.. = slaves. */
    private long brokerId = 0;
    /** The address clients and the name server see; defaults to the first non-loopback IPv4 address. */
    private String brokerIP1 = localAddress();
    private String brokerIP2 = brokerIP1;
    /** Name servers, {@code host:port;host:port}. */
    private String namesrvAddr;
    private int listenPort = 10911;
    private int brokerPermission = PermName.READ_WRITE;

    private boolean autoCreateTopicEnable = true;
    private boolean autoCreateSubscriptionGroup = true;
    private int defaultTopicQueueNums = 8;
    private boolean clusterTopicEnable = true;
    private boolean brokerTopicEnable = true;

    private int registerNameServerPeriod = 30_000;
    private int registerBrokerTimeoutMills = 6_000;
    private boolean forceRegister = true;

    private boolean longPollingEnable = true;
    private long shortPollingTimeMills = 1_000;
    /** How often parked pulls are re-checked even without an arrival notification. */
    private long longPollingCheckIntervalMills = 1_000;
    /** SQL92 subscriptions are filtered on the broker (RocketMQ ships with this off; Apogee supports it fully). */
    private boolean enablePropertyFilter = true;
    private boolean slaveReadEnable = false;

    private long channelExpiredTimeout = 120_000;
    private long clientScanIntervalMills = 10_000;
    private long rebalanceLockMaxLiveTime = 60_000;
    private int flushConsumerOffsetInterval = 5_000;
    private int flushDelayOffsetInterval = 10_000;
    /** A half message is first checked with its producer when it is this old (ms). */
    private long transactionTimeOut = 6_000;
    /** Pause between check rounds over unresolved half messages (ms). */
    private long transactionCheckInterval = 30_000;
    /** Checks after which an unresolved half message is given up. */
    private int transactionCheckMax = 15;
    /** Longest delay a timer message may ask for (3 days). */
    private long timerMaxDelaySec = 3 * 24 * 3600;
    /**
     * Seconds ahead that have their own timer-wheel slot (16 bytes each, mapped); later messages are
     * re-linked once per window, so two days keep that rewriting small even for year-long timers.
     */
    private int timerWheelSlots = 2 * 24 * 3600;
    private boolean notifyConsumerIdsChangedEnable = true;

    private int sendMessageThreadPoolNums = Math.min(4, Runtime.getRuntime().availableProcessors());
    private int pullMessageThreadPoolNums = 8 + Runtime.getRuntime().availableProcessors() * 2;
    private int queryMessageThreadPoolNums = 4;
    private int adminBrokerThreadPoolNums = 8;
    private int clientManageThreadPoolNums = 8;
    private int consumerManageThreadPoolNums = 8;
    private int sendThreadPoolQueueCapacity = 10_000;
    private int pullThreadPoolQueueCapacity = 100_000;
    private int queryThreadPoolQueueCapacity = 20_000;
    private int clientManagerThreadPoolQueueCapacity = 1_000_000;
    private int consumerManagerThreadPoolQueueCapacity = 1_000_000;

    private String regionId = "DefaultRegion";
    private boolean traceOn = true;
    /** Cap on QUERY_MESSAGE results for unique-key queries. */
    private int defaultQueryMaxNum = 32;

    private static String localAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to loopback: a broker on a machine without a network still serves local clients
        }
        return "127.0.0.1";
    }

    /** {@code brokerIP1:listenPort}: what goes into route data and offset message ids. */
    public String brokerAddr() {
        return brokerIP1 + ":" + listenPort;
    }

    public String getBrokerClusterName() {
        return brokerClusterName;
    }

    public void setBrokerClusterName(String brokerClusterName) {
        this.brokerClusterName = brokerClusterName;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public long getBrokerId() {
        return brokerId;
    }

    public void setBrokerId(long brokerId) {
        this.brokerId = brokerId;
    }

    public String getBrokerIP1() {
        return brokerIP1;
    }

    public void setBrokerIP1(String brokerIP1) {
        this.brokerIP1 = brokerIP1;
    }

    public String getBrokerIP2() {
        return brokerIP2;
    }

    public void setBrokerIP2(String brokerIP2) {
        this.brokerIP2 = brokerIP2;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    public int getBrokerPermission() {
        return brokerPermission;
    }

    public void setBrokerPermission(int brokerPermission) {
        this.brokerPermission = brokerPermission;
    }

    public boolean isAutoCreateTopicEnable() {
        return autoCreateTopicEnable;
    }

    public void setAutoCreateTopicEnable(boolean autoCreateTopicEnable) {
        this.autoCreateTopicEnable = autoCreateTopicEnable;
    }

    public boolean isAutoCreateSubscriptionGroup() {
        return autoCreateSubscriptionGroup;
    }

    public void setAutoCreateSubscriptionGroup(boolean autoCreateSubscriptionGroup) {
        this.autoCreateSubscriptionGroup = autoCreateSubscriptionGroup;
    }

    public int getDefaultTopicQueueNums() {
        return defaultTopicQueueNums;
    }

    public void setDefaultTopicQueueNums(int defaultTopicQueueNums) {
        this.defaultTopicQueueNums = defaultTopicQueueNums;
    }

    public boolean isClusterTopicEnable() {
        return clusterTopicEnable;
    }

    public void setClusterTopicEnable(boolean clusterTopicEnable) {
        this.clusterTopicEnable = clusterTopicEnable;
    }

    public boolean isBrokerTopicEnable() {
        return brokerTopicEnable;
    }

    public void setBrokerTopicEnable(boolean brokerTopicEnable) {
        this.brokerTopicEnable = brokerTopicEnable;
    }

    public int getRegisterNameServerPeriod() {
        return registerNameServerPeriod;
    }

    public void setRegisterNameServerPeriod(int registerNameServerPeriod) {
        this.registerNameServerPeriod = registerNameServerPeriod;
    }

    public int getRegisterBrokerTimeoutMills() {
        return registerBrokerTimeoutMills;
    }

    public void setRegisterBrokerTimeoutMills(int registerBrokerTimeoutMills) {
        this.registerBrokerTimeoutMills = registerBrokerTimeoutMills;
    }

    public boolean isForceRegister() {
        return forceRegister;
    }

    public void setForceRegister(boolean forceRegister) {
        this.forceRegister = forceRegister;
    }

    public boolean isLongPollingEnable() {
        return longPollingEnable;
    }

    public void setLongPollingEnable(boolean longPollingEnable) {
        this.longPollingEnable = longPollingEnable;
    }

    public long getShortPollingTimeMills() {
        return shortPollingTimeMills;
    }

    public void setShortPollingTimeMills(long shortPollingTimeMills) {
        this.shortPollingTimeMills = shortPollingTimeMills;
    }

    public long getLongPollingCheckIntervalMills() {
        return longPollingCheckIntervalMills;
    }

    public void setLongPollingCheckIntervalMills(long longPollingCheckIntervalMills) {
        this.longPollingCheckIntervalMills = longPollingCheckIntervalMills;
    }

    public boolean isEnablePropertyFilter() {
        return enablePropertyFilter;
    }

    public void setEnablePropertyFilter(boolean enablePropertyFilter) {
        this.enablePropertyFilter = enablePropertyFilter;
    }

    public boolean isSlaveReadEnable() {
        return slaveReadEnable;
    }

    public void setSlaveReadEnable(boolean slaveReadEnable) {
        this.slaveReadEnable = slaveReadEnable;
    }

    public long getChannelExpiredTimeout() {
        return channelExpiredTimeout;
    }

    public void setChannelExpiredTimeout(long channelExpiredTimeout) {
        this.channelExpiredTimeout = channelExpiredTimeout;
    }

    public long getClientScanIntervalMills() {
        return clientScanIntervalMills;
    }

    public void setClientScanIntervalMills(long clientScanIntervalMills) {
        this.clientScanIntervalMills = clientScanIntervalMills;
    }

    public long getRebalanceLockMaxLiveTime() {
        return rebalanceLockMaxLiveTime;
    }

    public void setRebalanceLockMaxLiveTime(long rebalanceLockMaxLiveTime) {
        this.rebalanceLockMaxLiveTime = rebalanceLockMaxLiveTime;
    }

    public int getFlushConsumerOffsetInterval() {
        return flushConsumerOffsetInterval;
    }

    public void setFlushConsumerOffsetInterval(int flushConsumerOffsetInterval) {
        this.flushConsumerOffsetInterval = flushConsumerOffsetInterval;
    }

    public int getFlushDelayOffsetInterval() {
        return flushDelayOffsetInterval;
    }

    public void setFlushDelayOffsetInterval(int flushDelayOffsetInterval) {
        this.flushDelayOffsetInterval = flushDelayOffsetInterval;
    }

    public long getTransactionTimeOut() {
        return transactionTimeOut;
    }

    public void setTransactionTimeOut(long transactionTimeOut) {
        this.transactionTimeOut = transactionTimeOut;
    }

    public long getTransactionCheckInterval() {
        return transactionCheckInterval;
    }

    public void setTransactionCheckInterval(long transactionCheckInterval) {
        this.transactionCheckInterval = transactionCheckInterval;
    }

    public int getTransactionCheckMax() {
        return transactionCheckMax;
    }

    public void setTransactionCheckMax(int transactionCheckMax) {
        this.transactionCheckMax = transactionCheckMax;
    }

    public long getTimerMaxDelaySec() {
        return timerMaxDelaySec;
    }

    public void setTimerMaxDelaySec(long timerMaxDelaySec) {
        this.timerMaxDelaySec = timerMaxDelaySec;
    }

    public int getTimerWheelSlots() {
        return timerWheelSlots;
    }

    public void setTimerWheelSlots(int timerWheelSlots) {
        this.timerWheelSlots = timerWheelSlots;
    }

    public boolean isNotifyConsumerIdsChangedEnable() {
        return notifyConsumerIdsChangedEnable;
    }

    public void setNotifyConsumerIdsChangedEnable(boolean notifyConsumerIdsChangedEnable) {
        this.notifyConsumerIdsChangedEnable = notifyConsumerIdsChangedEnable;
    }

    public int getSendMessageThreadPoolNums() {
        return sendMessageThreadPoolNums;
    }

    public void setSendMessageThreadPoolNums(int sendMessageThreadPoolNums) {
        this.sendMessageThreadPoolNums = sendMessageThreadPoolNums;
    }

    public int getPullMessageThreadPoolNums() {
        return pullMessageThreadPoolNums;
    }

    public void setPullMessageThreadPoolNums(int pullMessageThreadPoolNums) {
        this.pullMessageThreadPoolNums = pullMessageThreadPoolNums;
    }

    public int getQueryMessageThreadPoolNums() {
        return queryMessageThreadPoolNums;
    }

    public void setQueryMessageThreadPoolNums(int queryMessageThreadPoolNums) {
        this.queryMessageThreadPoolNums = queryMessageThreadPoolNums;
    }

    public int getAdminBrokerThreadPoolNums() {
        return adminBrokerThreadPoolNums;
    }

    public void setAdminBrokerThreadPoolNums(int adminBrokerThreadPoolNums) {
        this.adminBrokerThreadPoolNums = adminBrokerThreadPoolNums;
    }

    public int getClientManageThreadPoolNums() {
        return clientManageThreadPoolNums;
    }

    public void setClientManageThreadPoolNums(int clientManageThreadPoolNums) {
        this.clientManageThreadPoolNums = clientManageThreadPoolNums;
    }

    public int getConsumerManageThreadPoolNums() {
        return consumerManageThreadPoolNums;
    }

    public void setConsumerManageThreadPoolNums(int consumerManageThreadPoolNums) {
        this.consumerManageThreadPoolNums = consumerManageThreadPoolNums;
    }

    public int getSendThreadPoolQueueCapacity() {
        return sendThreadPoolQueueCapacity;
    }

    public void setSendThreadPoolQueueCapacity(int sendThreadPoolQueueCapacity) {
        this.sendThreadPoolQueueCapacity = sendThreadPoolQueueCapacity;
    }

    public int getPullThreadPoolQueueCapacity() {
        return pullThreadPoolQueueCapacity;
    }

    public void setPullThreadPoolQueueCapacity(int pullThreadPoolQueueCapacity) {
        this.pullThreadPoolQueueCapacity = pullThreadPoolQueueCapacity;
    }

    public int getQueryThreadPoolQueueCapacity() {
        return queryThreadPoolQueueCapacity;
    }

    public void setQueryThreadPoolQueueCapacity(int queryThreadPoolQueueCapacity) {
        this.queryThreadPoolQueueCapacity = queryThreadPoolQueueCapacity;
    }

    public int getClientManagerThreadPoolQueueCapacity() {
        return clientManagerThreadPoolQueueCapacity;
    }

    public void setClientManagerThreadPoolQueueCapacity(int clientManagerThreadPoolQueueCapacity) {
        this.clientManagerThreadPoolQueueCapacity = clientManagerThreadPoolQueueCapacity;
    }

    public int getConsumerManagerThreadPoolQueueCapacity() {
        return consumerManagerThreadPoolQueueCapacity;
    }

    public void setConsumerManagerThreadPoolQueueCapacity(int consumerManagerThreadPoolQueueCapacity) {
        this.consumerManagerThreadPoolQueueCapacity = consumerManagerThreadPoolQueueCapacity;
    }

    public String getRegionId() {
        return regionId;
    }

    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    public boolean isTraceOn() {
        return traceOn;
    }

    public void setTraceOn(boolean traceOn) {
        this.traceOn = traceOn;
    }

    public int getDefaultQueryMaxNum() {
        return defaultQueryMaxNum;
    }

    public void setDefaultQueryMaxNum(int defaultQueryMaxNum) {
        this.defaultQueryMaxNum = defaultQueryMaxNum;
    }
}
