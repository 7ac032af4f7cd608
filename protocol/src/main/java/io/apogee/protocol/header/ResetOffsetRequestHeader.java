package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** INVOKE_BROKER_TO_RESET_OFFSET (222, admin to broker) and RESET_CONSUMER_CLIENT_OFFSET (220, broker to client). */
public class ResetOffsetRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;
    @Required
    private String group;
    /** -1: to the max offset. */
    @Required
    private Long timestamp;
    /** False: only move offsets backwards. */
    @Required
    private Boolean isForce;
    /** 5.x; -1 = every queue. */
    private int queueId = -1;
    /** 5.x; clients send -1 for none. */
    private Long offset;

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

    public Long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Long timestamp) {
        this.timestamp = timestamp;
    }

    public Boolean getIsForce() {
        return isForce;
    }

    public void setIsForce(Boolean isForce) {
        this.isForce = isForce;
    }

    public int getQueueId() {
        return queueId;
    }

    public void setQueueId(int queueId) {
        this.queueId = queueId;
    }

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }
}
