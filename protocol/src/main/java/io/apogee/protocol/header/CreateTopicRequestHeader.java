package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** UPDATE_AND_CREATE_TOPIC (17). */
public class CreateTopicRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;
    @Required
    private String defaultTopic;
    @Required
    private Integer readQueueNums;
    @Required
    private Integer writeQueueNums;
    @Required
    private Integer perm;
    /** SINGLE_TAG or MULTI_TAG. */
    @Required
    private String topicFilterType;
    private Integer topicSysFlag;
    @Required
    private Boolean order;
    /** 5.x: +key=value,.... */
    private String attributes;
    /** 5.x. */
    private Boolean force;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getDefaultTopic() {
        return defaultTopic;
    }

    public void setDefaultTopic(String defaultTopic) {
        this.defaultTopic = defaultTopic;
    }

    public Integer getReadQueueNums() {
        return readQueueNums;
    }

    public void setReadQueueNums(Integer readQueueNums) {
        this.readQueueNums = readQueueNums;
    }

    public Integer getWriteQueueNums() {
        return writeQueueNums;
    }

    public void setWriteQueueNums(Integer writeQueueNums) {
        this.writeQueueNums = writeQueueNums;
    }

    public Integer getPerm() {
        return perm;
    }

    public void setPerm(Integer perm) {
        this.perm = perm;
    }

    public String getTopicFilterType() {
        return topicFilterType;
    }

    public void setTopicFilterType(String topicFilterType) {
        this.topicFilterType = topicFilterType;
    }

    public Integer getTopicSysFlag() {
        return topicSysFlag;
    }

    public void setTopicSysFlag(Integer topicSysFlag) {
        this.topicSysFlag = topicSysFlag;
    }

    public Boolean getOrder() {
        return order;
    }

    public void setOrder(Boolean order) {
        this.order = order;
    }

    public String getAttributes() {
        return attributes;
    }

    public void setAttributes(String attributes) {
        this.attributes = attributes;
    }

    public Boolean getForce() {
        return force;
    }

    public void setForce(Boolean force) {
        this.force = force;
    }
}
