package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** QUERY_CONSUMER_OFFSET (14): the committed offset of (group, topic, queue). */
public class QueryConsumerOffsetRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;
    @Required
    private String topic;
    @Required
    private Integer queueId;
    /** 5.x; clients normally omit it. */
    private Boolean setZeroIfNotFound;

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

    public Integer getQueueId() {
        return queueId;
    }

    public void setQueueId(Integer queueId) {
        this.queueId = queueId;
    }

    public Boolean getSetZeroIfNotFound() {
        return setZeroIfNotFound;
    }

    public void setSetZeroIfNotFound(Boolean setZeroIfNotFound) {
        this.setZeroIfNotFound = setZeroIfNotFound;
    }
}
