package io.apogee.protocol.namesrv;

import io.apogee.protocol.route.BrokerData;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** GET_BROKER_CLUSTER_INFO body: brokerName to BrokerData, and clusterName to its broker names. */
public final class ClusterInfo {
    private HashMap<String, BrokerData> brokerAddrTable = new HashMap<>();
    private HashMap<String, Set<String>> clusterAddrTable = new HashMap<>();

    public ClusterInfo() {
    }

    public ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {
        this.brokerAddrTable = new HashMap<>(brokerAddrTable);
        this.clusterAddrTable = new HashMap<>(clusterAddrTable);
    }

    public Map<String, BrokerData> getBrokerAddrTable() {
        return brokerAddrTable;
    }

    public void setBrokerAddrTable(Map<String, BrokerData> brokerAddrTable) {
        this.brokerAddrTable = new HashMap<>(brokerAddrTable);
    }

    public Map<String, Set<String>> getClusterAddrTable() {
        return clusterAddrTable;
    }

    public void setClusterAddrTable(Map<String, Set<String>> clusterAddrTable) {
        this.clusterAddrTable = new HashMap<>(clusterAddrTable);
    }
}
