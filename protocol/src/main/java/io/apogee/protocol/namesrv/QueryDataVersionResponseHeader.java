package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** QUERY_DATA_VERSION answer: whether the name server holds a different version than the broker sent. */
public final class QueryDataVersionResponseHeader implements CommandCustomHeader {
    @Required
    private Boolean changed;

    public Boolean getChanged() {
        return changed;
    }

    public QueryDataVersionResponseHeader setChanged(Boolean changed) {
        this.changed = changed;
        return this;
    }
}
