package io.apogee.protocol.namesrv;

import java.util.HashMap;
import java.util.Map;

/** All live members of one broker name: broker id to address. */
public final class BrokerMemberGroup {
    private String cluster;
    private String brokerName;
    private Map<Long, String> brokerAddrs = new HashMap<>();

    public BrokerMemberGroup() {
    }

    public BrokerMemberGroup(String cluster, String brokerName, Map<Long, String> brokerAddrs) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.brokerAddrs = new HashMap<>(brokerAddrs);
    }

    public String getCluster() {
        return cluster;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public Map<Long, String> getBrokerAddrs() {
        return brokerAddrs;
    }
}
