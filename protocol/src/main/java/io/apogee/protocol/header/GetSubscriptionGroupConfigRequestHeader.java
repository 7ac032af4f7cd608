package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** GET_SUBSCRIPTIONGROUP_CONFIG (352, 5.x). */
public class GetSubscriptionGroupConfigRequestHeader extends RpcRequestHeader {
    @Required
    private String group;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
