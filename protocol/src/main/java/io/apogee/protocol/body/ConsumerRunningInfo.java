package io.apogee.protocol.body;

import io.apogee.common.message.MessageQueue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A client's answer to GET_CONSUMER_RUNNING_INFO (307). The broker forwards the client's bytes untouched; this class is for our own client and tools. */
public class ConsumerRunningInfo {
    private Map<String, String> properties = new HashMap<>();
    private Set<SubscriptionData> subscriptionSet = new HashSet<>();
    private Map<MessageQueue, ProcessQueueInfo> mqTable = new HashMap<>();
    private Map<String, ConsumeStatus> statusTable = new HashMap<>();
    private String jstack;

    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    public Set<SubscriptionData> getSubscriptionSet() {
        return subscriptionSet;
    }

    public void setSubscriptionSet(Set<SubscriptionData> subscriptionSet) {
        this.subscriptionSet = subscriptionSet;
    }

    public Map<MessageQueue, ProcessQueueInfo> getMqTable() {
        return mqTable;
    }

    public void setMqTable(Map<MessageQueue, ProcessQueueInfo> mqTable) {
        this.mqTable = mqTable;
    }

    public Map<String, ConsumeStatus> getStatusTable() {
        return statusTable;
    }

    public void setStatusTable(Map<String, ConsumeStatus> statusTable) {
        this.statusTable = statusTable;
    }

    public String getJstack() {
        return jstack;
    }

    public void setJstack(String jstack) {
        this.jstack = jstack;
    }
}
