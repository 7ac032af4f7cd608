package io.apogee.protocol.body;

import io.apogee.common.message.MessageQueue;
import java.util.HashMap;
import java.util.Map;

/** Consumer offsets: clients fill messageQueueTable (221), the broker merges them into consumerTable (223). */
public class GetConsumerStatusBody {
    private Map<MessageQueue, Long> messageQueueTable = new HashMap<>();
    private Map<String, Map<MessageQueue, Long>> consumerTable = new HashMap<>();

    public Map<MessageQueue, Long> getMessageQueueTable() {
        return messageQueueTable;
    }

    public void setMessageQueueTable(Map<MessageQueue, Long> messageQueueTable) {
        this.messageQueueTable = messageQueueTable;
    }

    public Map<String, Map<MessageQueue, Long>> getConsumerTable() {
        return consumerTable;
    }

    public void setConsumerTable(Map<String, Map<MessageQueue, Long>> consumerTable) {
        this.consumerTable = consumerTable;
    }
}
