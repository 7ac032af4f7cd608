package io.apogee.protocol.body;

import io.apogee.common.message.MessageQueue;
import java.util.HashMap;
import java.util.Map;

/** Answer to GET_CONSUME_STATS (208). */
public class ConsumeStats {
    private Map<MessageQueue, OffsetWrapper> offsetTable = new HashMap<>();
    private double consumeTps;

    public Map<MessageQueue, OffsetWrapper> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, OffsetWrapper> offsetTable) {
        this.offsetTable = offsetTable;
    }

    public double getConsumeTps() {
        return consumeTps;
    }

    public void setConsumeTps(double consumeTps) {
        this.consumeTps = consumeTps;
    }
}
