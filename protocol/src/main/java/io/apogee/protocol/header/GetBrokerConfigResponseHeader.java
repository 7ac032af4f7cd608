package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** Answer to GET_BROKER_CONFIG (26); the body is properties text. */
public class GetBrokerConfigResponseHeader implements CommandCustomHeader {
    /** DataVersion JSON of the broker configuration. */
    @Required
    private String version;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
