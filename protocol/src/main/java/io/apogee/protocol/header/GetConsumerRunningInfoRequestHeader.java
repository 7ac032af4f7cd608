package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_CONSUMER_RUNNING_INFO (307): admin to broker, forwarded unchanged to the client. */
public class GetConsumerRunningInfoRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;
    @Required
    private String clientId;
    private boolean jstackEnable;

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

    public boolean isJstackEnable() {
        return jstackEnable;
    }

    public void setJstackEnable(boolean jstackEnable) {
        this.jstackEnable = jstackEnable;
    }
}
