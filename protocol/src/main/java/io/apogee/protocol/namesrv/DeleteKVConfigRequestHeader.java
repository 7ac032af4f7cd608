package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** DELETE_KV_CONFIG (102). */
public final class DeleteKVConfigRequestHeader implements CommandCustomHeader {
    @Required
    private String namespace;
    @Required
    private String key;

    public String getNamespace() {
        return namespace;
    }

    public DeleteKVConfigRequestHeader setNamespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public String getKey() {
        return key;
    }

    public DeleteKVConfigRequestHeader setKey(String key) {
        this.key = key;
        return this;
    }
}
