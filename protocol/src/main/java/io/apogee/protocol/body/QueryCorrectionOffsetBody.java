package io.apogee.protocol.body;

import java.util.HashMap;
import java.util.Map;

/** Answer to QUERY_CORRECTION_OFFSET (308): queueId to offset. */
public class QueryCorrectionOffsetBody {
    private Map<Integer, Long> correctionOffsets = new HashMap<>();

    public Map<Integer, Long> getCorrectionOffsets() {
        return correctionOffsets;
    }

    public void setCorrectionOffsets(Map<Integer, Long> correctionOffsets) {
        this.correctionOffsets = correctionOffsets;
    }
}
