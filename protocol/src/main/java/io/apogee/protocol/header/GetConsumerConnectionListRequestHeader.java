package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_CONSUMER_CONNECTION_LIST (203). */
public class GetConsumerConnectionListRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }
}
