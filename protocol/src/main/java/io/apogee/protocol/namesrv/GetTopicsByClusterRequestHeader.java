package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** GET_TOPICS_BY_CLUSTER (224). */
public final class GetTopicsByClusterRequestHeader implements CommandCustomHeader {
    @Required
    private String cluster;

    public String getCluster() {
        return cluster;
    }

    public GetTopicsByClusterRequestHeader setCluster(String cluster) {
        this.cluster = cluster;
        return this;
    }
}
