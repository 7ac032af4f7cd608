package io.apogee.protocol.body;

import io.apogee.common.message.MessageQueue;
import java.util.HashMap;
import java.util.Map;

/** Answer to GET_TOPIC_STATS_INFO (202): one entry per write queue. */
public class TopicStatsTable {
    private Map<MessageQueue, TopicOffset> offsetTable = new HashMap<>();

    public Map<MessageQueue, TopicOffset> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, TopicOffset> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
