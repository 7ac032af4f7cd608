package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_MIN_OFFSET (31): the earliest offset still available in a queue. */
public class GetMinOffsetRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;
    @Required
    private Integer queueId;

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
}
