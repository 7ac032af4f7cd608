package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** QUERY_MESSAGE (12): messages of a topic indexed under a key. The ext field {@code _UNIQUE_KEY_QUERY} says whether the key is a unique message id. */
public class QueryMessageRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;
    @Required
    private String key;
    @Required
    private Integer maxNum;
    @Required
    private Long beginTimestamp;
    @Required
    private Long endTimestamp;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public Integer getMaxNum() {
        return maxNum;
    }

    public void setMaxNum(Integer maxNum) {
        this.maxNum = maxNum;
    }

    public Long getBeginTimestamp() {
        return beginTimestamp;
    }

    public void setBeginTimestamp(Long beginTimestamp) {
        this.beginTimestamp = beginTimestamp;
    }

    public Long getEndTimestamp() {
        return endTimestamp;
    }

    public void setEndTimestamp(Long endTimestamp) {
        this.endTimestamp = endTimestamp;
    }
}
