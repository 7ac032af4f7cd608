package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_CONSUMER_LIST_BY_GROUP (38). */
public class GetConsumerListByGroupRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }
}
