package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** PUT_KV_CONFIG (100). */
public final class PutKVConfigRequestHeader implements CommandCustomHeader {
    @Required
    private String namespace;
    @Required
    private String key;
    @Required
    private String value;

    public String getNamespace() {
        return namespace;
    }

    public PutKVConfigRequestHeader setNamespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public String getKey() {
        return key;
    }

    public PutKVConfigRequestHeader setKey(String key) {
        this.key = key;
        return this;
    }

    public String getValue() {
        return value;
    }

    public PutKVConfigRequestHeader setValue(String value) {
        this.value = value;
        return this;
    }
}
