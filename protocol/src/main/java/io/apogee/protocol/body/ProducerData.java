package io.apogee.protocol.body;

import java.util.Objects;

/** A producer group reported in a heartbeat. */
public class ProducerData {
    private String groupName;

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProducerData o && Objects.equals(groupName, o.groupName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupName);
    }
}
