package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** UNREGISTER_BROKER (104), sent by a broker on graceful shutdown. */
public final class UnRegisterBrokerRequestHeader implements CommandCustomHeader {
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

    public UnRegisterBrokerRequestHeader setBrokerName(String brokerName) {
        this.brokerName = brokerName;
        return this;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public UnRegisterBrokerRequestHeader setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
        return this;
    }

    public String getClusterName() {
        return clusterName;
    }

    public UnRegisterBrokerRequestHeader setClusterName(String clusterName) {
        this.clusterName = clusterName;
        return this;
    }

    public Long getBrokerId() {
        return brokerId;
    }

    public UnRegisterBrokerRequestHeader setBrokerId(Long brokerId) {
        this.brokerId = brokerId;
        return this;
    }
}
