package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** BROKER_HEARTBEAT (904, 5.x): a keepalive without the topic table. */
public final class BrokerHeartbeatRequestHeader implements CommandCustomHeader {
    @Required
    private String clusterName;
    @Required
    private String brokerAddr;
    @Required
    private String brokerName;
    private Long brokerId;
    private Integer epoch;
    private Long maxOffset;
    private Long confirmOffset;
    private Long heartbeatTimeoutMills;
    private Integer electionPriority;

    public String getClusterName() {
        return clusterName;
    }

    public BrokerHeartbeatRequestHeader setClusterName(String clusterName) {
        this.clusterName = clusterName;
        return this;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public BrokerHeartbeatRequestHeader setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
        return this;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public BrokerHeartbeatRequestHeader setBrokerName(String brokerName) {
        this.brokerName = brokerName;
        return this;
    }

    public Long getBrokerId() {
        return brokerId;
    }

    public BrokerHeartbeatRequestHeader setBrokerId(Long brokerId) {
        this.brokerId = brokerId;
        return this;
    }

    public Integer getEpoch() {
        return epoch;
    }

    public BrokerHeartbeatRequestHeader setEpoch(Integer epoch) {
        this.epoch = epoch;
        return this;
    }

    public Long getMaxOffset() {
        return maxOffset;
    }

    public BrokerHeartbeatRequestHeader setMaxOffset(Long maxOffset) {
        this.maxOffset = maxOffset;
        return this;
    }

    public Long getConfirmOffset() {
        return confirmOffset;
    }

    public BrokerHeartbeatRequestHeader setConfirmOffset(Long confirmOffset) {
        this.confirmOffset = confirmOffset;
        return this;
    }

    public Long getHeartbeatTimeoutMills() {
        return heartbeatTimeoutMills;
    }

    public BrokerHeartbeatRequestHeader setHeartbeatTimeoutMills(Long heartbeatTimeoutMills) {
        this.heartbeatTimeoutMills = heartbeatTimeoutMills;
        return this;
    }

    public Integer getElectionPriority() {
        return electionPriority;
    }

    public BrokerHeartbeatRequestHeader setElectionPriority(Integer electionPriority) {
        this.electionPriority = electionPriority;
        return this;
    }
}
