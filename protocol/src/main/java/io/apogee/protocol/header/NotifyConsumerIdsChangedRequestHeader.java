package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** NOTIFY_CONSUMER_IDS_CHANGED (40), broker to client, oneway: rebalance now. */
public class NotifyConsumerIdsChangedRequestHeader extends RpcRequestHeader {
    @Required
    private String consumerGroup;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }
}
