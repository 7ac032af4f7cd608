package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** REGISTER_BROKER (103): who is registering. {@code bodyCrc32} is the CRC32 of the body masked to 31 bits, 0 = unchecked; {@code compressed} selects the zlib body form. */
public final class RegisterBrokerRequestHeader implements CommandCustomHeader {
    @Required
    private String brokerName;
    @Required
    private String brokerAddr;
    @Required
    private String clusterName;
    @Required
    private String haServerAddr;
    @Required
    private Long brokerId;
    private Long heartbeatTimeoutMillis;
    private Boolean enableActingMaster;
    private boolean compressed;
    private Integer bodyCrc32;

    public String getBrokerName() {
        return brokerName;
    }

    public RegisterBrokerRequestHeader setBrokerName(String brokerName) {
        this.brokerName = brokerName;
        return this;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public RegisterBrokerRequestHeader setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
        return this;
    }

    public String getClusterName() {
        return clusterName;
    }

    public RegisterBrokerRequestHeader setClusterName(String clusterName) {
        this.clusterName = clusterName;
        return this;
    }

    public String getHaServerAddr() {
        return haServerAddr;
    }

    public RegisterBrokerRequestHeader setHaServerAddr(String haServerAddr) {
        this.haServerAddr = haServerAddr;
        return this;
    }

    public Long getBrokerId() {
        return brokerId;
    }

    public RegisterBrokerRequestHeader setBrokerId(Long brokerId) {
        this.brokerId = brokerId;
        return this;
    }

    public Long getHeartbeatTimeoutMillis() {
        return heartbeatTimeoutMillis;
    }

    public RegisterBrokerRequestHeader setHeartbeatTimeoutMillis(Long heartbeatTimeoutMillis) {
        this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
        return this;
    }

    public Boolean getEnableActingMaster() {
        return enableActingMaster;
    }

    public RegisterBrokerRequestHeader setEnableActingMaster(Boolean enableActingMaster) {
        this.enableActingMaster = enableActingMaster;
        return this;
    }

    public boolean isCompressed() {
        return compressed;
    }

    public RegisterBrokerRequestHeader setCompressed(boolean compressed) {
        this.compressed = compressed;
        return this;
    }

    public Integer getBodyCrc32() {
        return bodyCrc32;
    }

    public RegisterBrokerRequestHeader setBodyCrc32(Integer bodyCrc32) {
        this.bodyCrc32 = bodyCrc32;
        return this;
    }
}
