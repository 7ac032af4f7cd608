package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_PRODUCER_CONNECTION_LIST (204). */
public class GetProducerConnectionListRequestHeader extends RpcRequestHeader {
    @Required
    private String producerGroup;

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }
}
