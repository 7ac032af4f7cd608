package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_TOPIC_CONFIG (351, 5.x). */
public class GetTopicConfigRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
