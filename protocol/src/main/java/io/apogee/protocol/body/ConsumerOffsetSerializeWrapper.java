package io.apogee.protocol.body;

import io.apogee.protocol.DataVersion;
import java.util.HashMap;
import java.util.Map;

/** Answer to GET_ALL_CONSUMER_OFFSET (43) and the shape of consumerOffset.json: key {@code topic@group}, then queueId to the next offset to consume. */
public class ConsumerOffsetSerializeWrapper {
    private Map<String, Map<Integer, Long>> offsetTable = new HashMap<>();
    /** 5.x; 4.9 files lack it. */
    private DataVersion dataVersion = new DataVersion();

    public Map<String, Map<Integer, Long>> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<String, Map<Integer, Long>> offsetTable) {
        this.offsetTable = offsetTable;
    }

    public DataVersion getDataVersion() {
        return dataVersion;
    }

    public void setDataVersion(DataVersion dataVersion) {
        this.dataVersion = dataVersion;
    }
}
