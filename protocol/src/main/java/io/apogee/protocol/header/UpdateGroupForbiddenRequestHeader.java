package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** UPDATE_AND_GET_GROUP_FORBIDDEN (353, 5.x). */
public class UpdateGroupForbiddenRequestHeader extends RpcRequestHeader {
    @Required
    private String group;
    @Required
    private String topic;
    private Boolean readable;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Boolean getReadable() {
        return readable;
    }

    public void setReadable(Boolean readable) {
        this.readable = readable;
    }
}
