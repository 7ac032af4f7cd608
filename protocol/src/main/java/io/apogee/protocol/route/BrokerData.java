package io.apogee.protocol.route;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The addresses of one broker name (a master and its slaves) in one cluster. {@code brokerAddrs} maps
 * broker id to "ip:port"; id 0 is the master.
 */
public final class BrokerData {
    public static final long MASTER_ID = 0L;

    private String cluster;
    private String brokerName;
    private HashMap<Long, String> brokerAddrs = new HashMap<>();
    private boolean enableActingMaster;
    private String zoneName;

    public BrokerData() {
    }

    public BrokerData(String cluster, String brokerName, Map<Long, String> brokerAddrs) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.brokerAddrs = new HashMap<>(brokerAddrs);
    }

    public BrokerData(BrokerData other) {
        this(other.cluster, other.brokerName, other.brokerAddrs);
        this.enableActingMaster = other.enableActingMaster;
        this.zoneName = other.zoneName;
    }

    /** The master's address, or null while only slaves are registered. */
    public String masterAddr() {
        return brokerAddrs.get(MASTER_ID);
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public Map<Long, String> getBrokerAddrs() {
        return brokerAddrs;
    }

    public void setBrokerAddrs(Map<Long, String> brokerAddrs) {
        this.brokerAddrs = new HashMap<>(brokerAddrs);
    }

    public boolean isEnableActingMaster() {
        return enableActingMaster;
    }

    public void setEnableActingMaster(boolean enableActingMaster) {
        this.enableActingMaster = enableActingMaster;
    }

    public String getZoneName() {
        return zoneName;
    }

    public void setZoneName(String zoneName) {
        this.zoneName = zoneName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrokerData b && enableActingMaster == b.enableActingMaster && Objects.equals(cluster, b.cluster)
                && Objects.equals(brokerName, b.brokerName) && Objects.equals(brokerAddrs, b.brokerAddrs)
                && Objects.equals(zoneName, b.zoneName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cluster, brokerName, brokerAddrs, enableActingMaster, zoneName);
    }

    @Override
    public String toString() {
        return "BrokerData[" + cluster + "/" + brokerName + ", addrs=" + brokerAddrs + "]";
    }
}
