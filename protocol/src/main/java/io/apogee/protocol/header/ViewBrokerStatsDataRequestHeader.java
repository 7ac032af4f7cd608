package io.apogee.protocol.header;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;

/** VIEW_BROKER_STATS_DATA (315). */
public class ViewBrokerStatsDataRequestHeader implements CommandCustomHeader {
    @Required
    private String statsName;
    @Required
    private String statsKey;

    public String getStatsName() {
        return statsName;
    }

    public void setStatsName(String statsName) {
        this.statsName = statsName;
    }

    public String getStatsKey() {
        return statsKey;
    }

    public void setStatsKey(String statsKey) {
        this.statsKey = statsKey;
    }
}
