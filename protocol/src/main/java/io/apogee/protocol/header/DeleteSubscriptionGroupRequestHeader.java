package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** DELETE_SUBSCRIPTIONGROUP (207). 5.x names the offset switch {@code cleanOffset}, 4.9 {@code removeOffset}; a server honours either. */
public class DeleteSubscriptionGroupRequestHeader extends RpcRequestHeader {
    @Required
    private String groupName;
    /** 5.x. */
    private Boolean cleanOffset;
    /** 4.9. */
    private Boolean removeOffset;

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public Boolean getCleanOffset() {
        return cleanOffset;
    }

    public void setCleanOffset(Boolean cleanOffset) {
        this.cleanOffset = cleanOffset;
    }

    public Boolean getRemoveOffset() {
        return removeOffset;
    }

    public void setRemoveOffset(Boolean removeOffset) {
        this.removeOffset = removeOffset;
    }
}
