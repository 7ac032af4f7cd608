package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** GET_BROKER_CONSUME_STATS (317). */
public class GetConsumeStatsInBrokerHeader implements CommandCustomHeader {
    @Required
    private Boolean isOrder;

    public Boolean getIsOrder() {
        return isOrder;
    }

    public void setIsOrder(Boolean isOrder) {
        this.isOrder = isOrder;
    }
}
