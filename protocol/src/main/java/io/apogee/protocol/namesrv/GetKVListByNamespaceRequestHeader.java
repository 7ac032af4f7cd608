package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** GET_KVLIST_BY_NAMESPACE (219). */
public final class GetKVListByNamespaceRequestHeader implements CommandCustomHeader {
    @Required
    private String namespace;

    public String getNamespace() {
        return namespace;
    }

    public GetKVListByNamespaceRequestHeader setNamespace(String namespace) {
        this.namespace = namespace;
        return this;
    }
}
