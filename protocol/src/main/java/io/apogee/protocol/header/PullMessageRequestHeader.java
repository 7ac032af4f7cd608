package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361). {@code sysFlag} bits are in {@link PullSysFlag}. */
public class PullMessageRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;
    @Required
    private String topic;
    @Required
    private Integer queueId;
    @Required
    private Long queueOffset;
    @Required
    private Integer maxMsgNums;
    @Required
    private Integer sysFlag;
    /** Meaningful only with PullSysFlag.COMMIT_OFFSET. */
    @Required
    private Long commitOffset;
    @Required
    private Long suspendTimeoutMillis;
    /** Sent only with PullSysFlag.SUBSCRIPTION. */
    private String subscription;
    @Required
    private Long subVersion;
    private String expressionType;
    /** 5.x only. */
    private Integer maxMsgBytes;
    /** 5.x proxy only. */
    private Integer requestSource;
    /** 5.x proxy only; the misspelling is the wire key. */
    private String proxyFrowardClientId;

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

    public Long getQueueOffset() {
        return queueOffset;
    }

    public void setQueueOffset(Long queueOffset) {
        this.queueOffset = queueOffset;
    }

    public Integer getMaxMsgNums() {
        return maxMsgNums;
    }

    public void setMaxMsgNums(Integer maxMsgNums) {
        this.maxMsgNums = maxMsgNums;
    }

    public Integer getSysFlag() {
        return sysFlag;
    }

    public void setSysFlag(Integer sysFlag) {
        this.sysFlag = sysFlag;
    }

    public Long getCommitOffset() {
        return commitOffset;
    }

    public void setCommitOffset(Long commitOffset) {
        this.commitOffset = commitOffset;
    }

    public Long getSuspendTimeoutMillis() {
        return suspendTimeoutMillis;
    }

    public void setSuspendTimeoutMillis(Long suspendTimeoutMillis) {
        this.suspendTimeoutMillis = suspendTimeoutMillis;
    }

    public String getSubscription() {
        return subscription;
    }

    public void setSubscription(String subscription) {
        this.subscription = subscription;
    }

    public Long getSubVersion() {
        return subVersion;
    }

    public void setSubVersion(Long subVersion) {
        this.subVersion = subVersion;
    }

    public String getExpressionType() {
        return expressionType;
    }

    public void setExpressionType(String expressionType) {
        this.expressionType = expressionType;
    }

    public Integer getMaxMsgBytes() {
        return maxMsgBytes;
    }

    public void setMaxMsgBytes(Integer maxMsgBytes) {
        this.maxMsgBytes = maxMsgBytes;
    }

    public Integer getRequestSource() {
        return requestSource;
    }

    public void setRequestSource(Integer requestSource) {
        this.requestSource = requestSource;
    }

    public String getProxyFrowardClientId() {
        return proxyFrowardClientId;
    }

    public void setProxyFrowardClientId(String proxyFrowardClientId) {
        this.proxyFrowardClientId = proxyFrowardClientId;
    }
}
