package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** CONSUME_MESSAGE_DIRECTLY (309): admin to broker, forwarded to the client with the stored message as body. */
public class ConsumeMessageDirectlyResultRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;
    private String clientId;
    /** Offset message id. */
    private String msgId;
    private String brokerName;
    /** 5.x. */
    private String topic;
    /** 5.x. */
    private Integer topicSysFlag;
    /** 5.x. */
    private Integer groupSysFlag;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Integer getTopicSysFlag() {
        return topicSysFlag;
    }

    public void setTopicSysFlag(Integer topicSysFlag) {
        this.topicSysFlag = topicSysFlag;
    }

    public Integer getGroupSysFlag() {
        return groupSysFlag;
    }

    public void setGroupSysFlag(Integer groupSysFlag) {
        this.groupSysFlag = groupSysFlag;
    }
}
