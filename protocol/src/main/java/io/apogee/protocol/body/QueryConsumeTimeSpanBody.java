package io.apogee.protocol.body;

import java.util.ArrayList;
import java.util.List;

/** Answer to QUERY_CONSUME_TIME_SPAN (303). */
public class QueryConsumeTimeSpanBody {
    private List<QueueTimeSpan> consumeTimeSpanSet = new ArrayList<>();

    public List<QueueTimeSpan> getConsumeTimeSpanSet() {
        return consumeTimeSpanSet;
    }

    public void setConsumeTimeSpanSet(List<QueueTimeSpan> consumeTimeSpanSet) {
        this.consumeTimeSpanSet = consumeTimeSpanSet;
    }
}
