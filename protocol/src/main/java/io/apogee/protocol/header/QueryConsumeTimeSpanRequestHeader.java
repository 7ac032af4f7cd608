package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** QUERY_CONSUME_TIME_SPAN (303). */
public class QueryConsumeTimeSpanRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;
    @Required
    private String group;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
