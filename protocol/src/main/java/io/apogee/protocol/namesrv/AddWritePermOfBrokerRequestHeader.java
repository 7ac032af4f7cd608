package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** ADD_WRITE_PERM_OF_BROKER (327). */
public final class AddWritePermOfBrokerRequestHeader implements CommandCustomHeader {
    @Required
    private String brokerName;

    public String getBrokerName() {
        return brokerName;
    }

    public AddWritePermOfBrokerRequestHeader setBrokerName(String brokerName) {
        this.brokerName = brokerName;
        return this;
    }
}
