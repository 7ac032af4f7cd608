package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** QUERY_TOPICS_BY_CONSUMER (343, 5.x). */
public class QueryTopicsByConsumerRequestHeader extends RpcRequestHeader {
    @Required
    private String group;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
