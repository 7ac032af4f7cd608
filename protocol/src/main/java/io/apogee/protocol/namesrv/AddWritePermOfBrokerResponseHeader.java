package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** ADD_WRITE_PERM_OF_BROKER answer: how many topics regained write permission. */
public final class AddWritePermOfBrokerResponseHeader implements CommandCustomHeader {
    @Required
    private Integer addTopicCount;

    public Integer getAddTopicCount() {
        return addTopicCount;
    }

    public AddWritePermOfBrokerResponseHeader setAddTopicCount(Integer addTopicCount) {
        this.addTopicCount = addTopicCount;
        return this;
    }
}
