package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_MAX_OFFSET (30): the next offset to be written in a queue. */
public class GetMaxOffsetRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;
    @Required
    private Integer queueId;
    /** 5.x; 4.9 clients never send it. */
    private boolean committed = true;

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

    public boolean isCommitted() {
        return committed;
    }

    public void setCommitted(boolean committed) {
        this.committed = committed;
    }
}
