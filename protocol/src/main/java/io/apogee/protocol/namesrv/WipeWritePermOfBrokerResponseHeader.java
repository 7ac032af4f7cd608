package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** WIPE_WRITE_PERM_OF_BROKER answer: how many topics lost write permission. */
public final class WipeWritePermOfBrokerResponseHeader implements CommandCustomHeader {
    @Required
    private Integer wipeTopicCount;

    public Integer getWipeTopicCount() {
        return wipeTopicCount;
    }

    public WipeWritePermOfBrokerResponseHeader setWipeTopicCount(Integer wipeTopicCount) {
        this.wipeTopicCount = wipeTopicCount;
        return this;
    }
}
