package io.apogee.protocol.body;

import io.apogee.protocol.DataVersion;
import java.util.HashMap;
import java.util.Map;

/** Answer to GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) and the shape of subscriptionGroup.json. */
public class SubscriptionGroupWrapper {
    private Map<String, SubscriptionGroupConfig> subscriptionGroupTable = new HashMap<>();
    private DataVersion dataVersion = new DataVersion();

    public Map<String, SubscriptionGroupConfig> getSubscriptionGroupTable() {
        return subscriptionGroupTable;
    }

    public void setSubscriptionGroupTable(Map<String, SubscriptionGroupConfig> subscriptionGroupTable) {
        this.subscriptionGroupTable = subscriptionGroupTable;
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    public void setDataVersion(DataVersion dataVersion) {
        this.dataVersion = dataVersion;
    }
}
