package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_CONSUMER_STATUS_FROM_CLIENT (221) and INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223). */
public class GetConsumerStatusRequestHeader extends RpcRequestHeader {
    @Required
    private String topic;
    @Required
    private String group;
    private String clientAddr;

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

    public String getClientAddr() {
        return clientAddr;
    }

    public void setClientAddr(String clientAddr) {
        this.clientAddr = clientAddr;
    }
}
