package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** Store time (ms) of the earliest message in the queue. */
public class GetEarliestMsgStoretimeResponseHeader implements CommandCustomHeader {
    @Required
    private Long timestamp;

    public Long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Long timestamp) {
        this.timestamp = timestamp;
    }
}
