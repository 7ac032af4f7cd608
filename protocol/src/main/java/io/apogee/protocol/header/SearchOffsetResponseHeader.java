package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** Answer to SEARCH_OFFSET_BY_TIMESTAMP. */
public class SearchOffsetResponseHeader implements CommandCustomHeader {
    @Required
    private Long offset;

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }
}
