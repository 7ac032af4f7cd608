package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** QUERY_DATA_VERSION (322); the body is the broker's DataVersion JSON. */
public final class QueryDataVersionRequestHeader implements CommandCustomHeader {
    @Required
    private String brokerName;
    @Required
    private String brokerAddr;
    @Required
    private String clusterName;
    @Required
    private Long brokerId;

    public String getBrokerName() {
        return brokerName;
    }

    public QueryDataVersionRequestHeader setBrokerName(String brokerName) {
        this.brokerName = brokerName;
        return this;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public QueryDataVersionRequestHeader setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
        return this;
    }

    public String getClusterName() {
        return clusterName;
    }

    public QueryDataVersionRequestHeader setClusterName(String clusterName) {
        this.clusterName = clusterName;
        return this;
    }

    public Long getBrokerId() {
        return brokerId;
    }

    public QueryDataVersionRequestHeader setBrokerId(Long brokerId) {
        this.brokerId = brokerId;
        return this;
    }
}
