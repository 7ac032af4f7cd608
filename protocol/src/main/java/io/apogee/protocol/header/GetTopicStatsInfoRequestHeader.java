package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_TOPIC_STATS_INFO (202). */
public class GetTopicStatsInfoRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
