package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** VIEW_MESSAGE_BY_ID (33): one stored message by commit-log offset. */
public class ViewMessageRequestHeader implements CommandCustomHeader {
    @Required
    private Long offset;

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }
}
