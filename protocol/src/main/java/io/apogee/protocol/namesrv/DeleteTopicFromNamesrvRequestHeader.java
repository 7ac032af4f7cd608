package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** DELETE_TOPIC_IN_NAMESRV (216); with {@code clusterName} only that cluster's brokers lose the topic. */
public final class DeleteTopicFromNamesrvRequestHeader implements CommandCustomHeader {
    @Required
    private String topic;
    private String clusterName;

    public String getTopic() {
        return topic;
    }

    public DeleteTopicFromNamesrvRequestHeader setTopic(String topic) {
        this.topic = topic;
        return this;
    }

    public String getClusterName() {
        return clusterName;
    }

    public DeleteTopicFromNamesrvRequestHeader setClusterName(String clusterName) {
        this.clusterName = clusterName;
        return this;
    }
}
