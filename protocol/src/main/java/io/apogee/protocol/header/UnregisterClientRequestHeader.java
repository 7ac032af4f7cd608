package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** UNREGISTER_CLIENT (35): removes one client from one producer or consumer group. */
public class UnregisterClientRequestHeader extends RpcRequestHeader {
    /** Capital ID: that is the wire key. */
    @Required
    private String clientID;
    private String producerGroup;
    private String consumerGroup;

    public String getClientID() {
        return clientID;
    }

    public void setClientID(String clientID) {
        this.clientID = clientID;
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }
}
