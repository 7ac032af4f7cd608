package io.apogee.protocol.namesrv;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** GET_ROUTEINFO_BY_TOPIC (105). {@code acceptStandardJsonOnly} asks for quoted map keys; ours are always quoted. */
public final class GetRouteInfoRequestHeader implements CommandCustomHeader {
    @Required
    private String topic;
    private Boolean acceptStandardJsonOnly;

    public String getTopic() {
        return topic;
    }

    public GetRouteInfoRequestHeader setTopic(String topic) {
        this.topic = topic;
        return this;
    }

    public Boolean getAcceptStandardJsonOnly() {
        return acceptStandardJsonOnly;
    }

    public GetRouteInfoRequestHeader setAcceptStandardJsonOnly(Boolean acceptStandardJsonOnly) {
        this.acceptStandardJsonOnly = acceptStandardJsonOnly;
        return this;
    }
}
