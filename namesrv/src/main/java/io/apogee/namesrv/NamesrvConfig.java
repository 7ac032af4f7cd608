package io.apogee.namesrv;

import java.nio.file.Path;

/**
 * Name-server settings under RocketMQ's property names, so an existing namesrv.conf applies. Fields an
 * operator may change at run time (UPDATE_NAMESRV_CONFIG) are volatile; the listen port lives in the
 * transport's NettyServerConfig.
 */
public class NamesrvConfig {
    private static final String HOME = System.getProperty("user.home");

    private volatile String rocketmqHome = System.getProperty("rocketmq.home.dir", System.getenv().getOrDefault("ROCKETMQ_HOME", ""));
    private volatile String kvConfigPath = Path.of(HOME, "namesrv", "kvConfig.json").toString();
    private volatile String configStorePath = Path.of(HOME, "namesrv", "namesrv.properties").toString();
    private volatile String productEnvName = "center";
    private volatile boolean clusterTest;
    /** Adds the KV namespace ORDER_TOPIC_CONFIG entry of a topic to its route as orderTopicConf. */
    private volatile boolean orderMessageEnable;
    /** Sends the ORDER_TOPIC_CONFIG table back to a registering broker. */
    private volatile boolean returnOrderTopicConfigToBroker = true;
    /** Threads answering client route queries, kept apart so broker registrations never starve them. */
    private volatile int clientRequestThreadPoolNums = 8;
    private volatile int defaultThreadPoolNums = 16;
    /** How often live brokers are checked for expiry, in milliseconds. */
    private volatile long scanNotActiveBrokerInterval = 5_000;
    /** A broker that has not re-registered for this long is dropped, unless it announced its own timeout. */
    private volatile long brokerChannelExpiredMillis = 120_000;
    private volatile boolean enableAllTopicList = true;
    private volatile boolean enableTopicList = true;
    /** Keys UPDATE_NAMESRV_CONFIG may not change (semicolon-separated), since they point at files. */
    private volatile String configBlackList = "configBlackList;configStorePath;kvConfigPath;rocketmqHome";

    public String getRocketmqHome() {
        return rocketmqHome;
    }

    public void setRocketmqHome(String rocketmqHome) {
        this.rocketmqHome = rocketmqHome;
    }

    public String getKvConfigPath() {
        return kvConfigPath;
    }

    public void setKvConfigPath(String kvConfigPath) {
        this.kvConfigPath = kvConfigPath;
    }

    public String getConfigStorePath() {
        return configStorePath;
    }

    public void setConfigStorePath(String configStorePath) {
        this.configStorePath = configStorePath;
    }

    public String getProductEnvName() {
        return productEnvName;
    }

    public void setProductEnvName(String productEnvName) {
        this.productEnvName = productEnvName;
    }

    public boolean isClusterTest() {
        return clusterTest;
    }

    public void setClusterTest(boolean clusterTest) {
        this.clusterTest = clusterTest;
    }

    public boolean isOrderMessageEnable() {
        return orderMessageEnable;
    }

    public void setOrderMessageEnable(boolean orderMessageEnable) {
        this.orderMessageEnable = orderMessageEnable;
    }

    public boolean isReturnOrderTopicConfigToBroker() {
        return returnOrderTopicConfigToBroker;
    }

    public void setReturnOrderTopicConfigToBroker(boolean returnOrderTopicConfigToBroker) {
        this.returnOrderTopicConfigToBroker = returnOrderTopicConfigToBroker;
    }

    public int getClientRequestThreadPoolNums() {
        return clientRequestThreadPoolNums;
    }

    public void setClientRequestThreadPoolNums(int clientRequestThreadPoolNums) {
        this.clientRequestThreadPoolNums = clientRequestThreadPoolNums;
    }

    public int getDefaultThreadPoolNums() {
        return defaultThreadPoolNums;
    }

    public void setDefaultThreadPoolNums(int defaultThreadPoolNums) {
        this.defaultThreadPoolNums = defaultThreadPoolNums;
    }

    public long getScanNotActiveBrokerInterval() {
        return scanNotActiveBrokerInterval;
    }

    public void setScanNotActiveBrokerInterval(long scanNotActiveBrokerInterval) {
        this.scanNotActiveBrokerInterval = scanNotActiveBrokerInterval;
    }

    public long getBrokerChannelExpiredMillis() {
        return brokerChannelExpiredMillis;
    }

    public void setBrokerChannelExpiredMillis(long brokerChannelExpiredMillis) {
        this.brokerChannelExpiredMillis = brokerChannelExpiredMillis;
    }

    public boolean isEnableAllTopicList() {
        return enableAllTopicList;
    }

    public void setEnableAllTopicList(boolean enableAllTopicList) {
        this.enableAllTopicList = enableAllTopicList;
    }

    public boolean isEnableTopicList() {
        return enableTopicList;
    }

    public void setEnableTopicList(boolean enableTopicList) {
        this.enableTopicList = enableTopicList;
    }

    public String getConfigBlackList() {
        return configBlackList;
    }

    public void setConfigBlackList(String configBlackList) {
        this.configBlackList = configBlackList;
    }
}
