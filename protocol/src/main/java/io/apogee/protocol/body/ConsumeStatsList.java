package io.apogee.protocol.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Answer to GET_BROKER_CONSUME_STATS (317). */
public class ConsumeStatsList {
    private String brokerAddr;
    private List<Map<String, List<ConsumeStats>>> consumeStatsList = new ArrayList<>();
    private long totalDiff;
    /** 5.x. */
    private long totalInflightDiff;

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }

    public List<Map<String, List<ConsumeStats>>> getConsumeStatsList() {
        return consumeStatsList;
    }

    public void setConsumeStatsList(List<Map<String, List<ConsumeStats>>> consumeStatsList) {
        this.consumeStatsList = consumeStatsList;
    }

    public long getTotalDiff() {
        return totalDiff;
    }

    public void setTotalDiff(long totalDiff) {
        this.totalDiff = totalDiff;
    }

    public long getTotalInflightDiff() {
        return totalInflightDiff;
    }

    public void setTotalInflightDiff(long totalInflightDiff) {
        this.totalInflightDiff = totalInflightDiff;
    }
}
