package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** GET_KV_CONFIG (101). */
public final class GetKVConfigRequestHeader implements CommandCustomHeader {
    @Required
    private String namespace;
    @Required
    private String key;

    public String getNamespace() {
        return namespace;
    }

    public GetKVConfigRequestHeader setNamespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public String getKey() {
        return key;
    }

    public GetKVConfigRequestHeader setKey(String key) {
        this.key = key;
        return this;
    }
}
