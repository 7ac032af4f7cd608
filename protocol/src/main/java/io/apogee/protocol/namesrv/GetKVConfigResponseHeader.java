package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;

/** GET_KV_CONFIG answer. */
public final class GetKVConfigResponseHeader implements CommandCustomHeader {
    private String value;

    public String getValue() {
        return value;
    }

    public GetKVConfigResponseHeader setValue(String value) {
        this.value = value;
        return this;
    }
}
