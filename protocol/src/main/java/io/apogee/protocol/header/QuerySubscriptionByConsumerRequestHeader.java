package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** QUERY_SUBSCRIPTION_BY_CONSUMER (345, 5.x). */
public class QuerySubscriptionByConsumerRequestHeader extends RpcRequestHeader {
    @Required
    private String group;
    private String topic;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
