package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** CLONE_GROUP_OFFSET (314). */
public class CloneGroupOffsetRequestHeader extends RpcRequestHeader {
    @Required
    private String srcGroup;
    @Required
    private String destGroup;
    private String topic;
    private boolean offline;

    public String getSrcGroup() {
        return srcGroup;
    }

    public void setSrcGroup(String srcGroup) {
        this.srcGroup = srcGroup;
    }

    public String getDestGroup() {
        return destGroup;
    }

    public void setDestGroup(String destGroup) {
        this.destGroup = destGroup;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public boolean isOffline() {
        return offline;
    }

    public void setOffline(boolean offline) {
        this.offline = offline;
    }
}
