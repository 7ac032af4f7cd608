package io.apogee.protocol.header;

import io.apogee.remoting.header.Required;

/** QUERY_CORRECTION_OFFSET (308). */
public class QueryCorrectionOffsetHeader extends RpcRequestHeader {
    @Required
    private String compareGroup;
    @Required
    private String topic;
    /** Comma-separated. */
    private String filterGroups;

    public String getCompareGroup() {
        return compareGroup;
    }

    public void setCompareGroup(String compareGroup) {
        this.compareGroup = compareGroup;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getFilterGroups() {
        return filterGroups;
    }

    public void setFilterGroups(String filterGroups) {
        this.filterGroups = filterGroups;
    }
}
