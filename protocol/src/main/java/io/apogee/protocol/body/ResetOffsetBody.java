package io.apogee.protocol.body;

import io.apogee.common.message.MessageQueue;
import java.util.HashMap;
import java.util.Map;

/** Answer to INVOKE_BROKER_TO_RESET_OFFSET (222) and body of RESET_CONSUMER_CLIENT_OFFSET (220). */
public class ResetOffsetBody {
    private Map<MessageQueue, Long> offsetTable = new HashMap<>();

    public Map<MessageQueue, Long> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, Long> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
