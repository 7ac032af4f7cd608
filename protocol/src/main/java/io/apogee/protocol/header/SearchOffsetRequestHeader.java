package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** SEARCH_OFFSET_BY_TIMESTAMP (29). */
public class SearchOffsetRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;
    @Required
    private Integer queueId;
    @Required
    private Long timestamp;
    /** 5.x: LOWER (default) or UPPER, any case. */
    private String boundaryType;

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

    public Long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Long timestamp) {
        this.timestamp = timestamp;
    }

    public String getBoundaryType() {
        return boundaryType;
    }

    public void setBoundaryType(String boundaryType) {
        this.boundaryType = boundaryType;
    }
}
