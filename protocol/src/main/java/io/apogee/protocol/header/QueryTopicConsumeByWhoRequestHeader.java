package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** QUERY_TOPIC_CONSUME_BY_WHO (300). */
public class QueryTopicConsumeByWhoRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
