package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** WIPE_WRITE_PERM_OF_BROKER (205). */
public final class WipeWritePermOfBrokerRequestHeader implements CommandCustomHeader {
    @Required
    private String brokerName;

    public String getBrokerName() {
        return brokerName;
    }

    public WipeWritePermOfBrokerRequestHeader setBrokerName(String brokerName) {
        this.brokerName = brokerName;
        return this;
    }
}
