package io.apogee.protocol.body;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answer to GET_ALL_PRODUCER_INFO (328): producers by group. */
public class ProducerTableInfo {
    private Map<String, List<ProducerInfo>> data = new HashMap<>();

    public Map<String, List<ProducerInfo>> getData() {
        return data;
    }

    public void setData(Map<String, List<ProducerInfo>> data) {
        this.data = data;
    }
}
