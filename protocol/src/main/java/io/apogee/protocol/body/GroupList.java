package io.apogee.protocol.body;

import java.util.HashSet;
import java.util.Set;

/** Answer to QUERY_TOPIC_CONSUME_BY_WHO (300). */
public class GroupList {
    private Set<String> groupList = new HashSet<>();

    public Set<String> getGroupList() {
        return groupList;
    }

    public void setGroupList(Set<String> groupList) {
        this.groupList = groupList;
    }
}
