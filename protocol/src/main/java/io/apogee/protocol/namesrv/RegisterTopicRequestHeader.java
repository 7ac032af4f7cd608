package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** REGISTER_TOPIC_IN_NAMESRV (217, 5.x); the body is the topic's TopicRouteData. */
public final class RegisterTopicRequestHeader implements CommandCustomHeader {
    @Required
    private String topic;

    public String getTopic() {
        return topic;
    }

    public RegisterTopicRequestHeader setTopic(String topic) {
        this.topic = topic;
        return this;
    }
}
