package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** GET_BROKER_MEMBER_GROUP (901, 5.x). */
public final class GetBrokerMemberGroupRequestHeader implements CommandCustomHeader {
    @Required
    private String clusterName;
    @Required
    private String brokerName;

    public String getClusterName() {
        return clusterName;
    }

    public GetBrokerMemberGroupRequestHeader setClusterName(String clusterName) {
        this.clusterName = clusterName;
        return this;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public GetBrokerMemberGroupRequestHeader setBrokerName(String brokerName) {
        this.brokerName = brokerName;
        return this;
    }
}
