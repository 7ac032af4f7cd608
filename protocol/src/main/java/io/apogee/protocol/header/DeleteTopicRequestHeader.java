package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** DELETE_TOPIC_IN_BROKER (215). */
public class DeleteTopicRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
