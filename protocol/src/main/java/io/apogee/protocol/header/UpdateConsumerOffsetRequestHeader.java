package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** UPDATE_CONSUMER_OFFSET (15), usually oneway. */
public class UpdateConsumerOffsetRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;
    @Required
    private String topic;
    @Required
    private Integer queueId;
    @Required
    private Long commitOffset;

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

    public Long getCommitOffset() {
        return commitOffset;
    }

    public void setCommitOffset(Long commitOffset) {
        this.commitOffset = commitOffset;
    }
}
