package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_CONSUME_STATS (208); without a topic, every topic the group has offsets for. */
public class GetConsumeStatsRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;
    private String topic;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
