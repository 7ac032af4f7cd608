package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** Answer to GET_MAX_OFFSET. */
public class GetMaxOffsetResponseHeader implements CommandCustomHeader {
    @Required
    private Long offset;

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }
}
