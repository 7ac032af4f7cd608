package io.apogee.protocol.body;

import java.util.HashSet;
import java.util.Set;

/** Body of HEART_BEAT (34): every producer and consumer group a client instance runs. */
public class HeartbeatData {
    /** Ip@instanceName[@unitName]; the capital ID is the JSON name. */
    private String clientID;
    private Set<ProducerData> producerDataSet = new HashSet<>();
    private Set<ConsumerData> consumerDataSet = new HashSet<>();
    /** 5.x heartbeat v2; 0 means a full (v1) heartbeat. */
    private int heartbeatFingerprint;
    /** 5.x v2 light heartbeat whose consumers carry no subscriptions. */
    private boolean withoutSub;

    public String getClientID() {
        return clientID;
    }

    public void setClientID(String clientID) {
        this.clientID = clientID;
    }

    public Set<ProducerData> getProducerDataSet() {
        return producerDataSet;
    }

    public void setProducerDataSet(Set<ProducerData> producerDataSet) {
        this.producerDataSet = producerDataSet;
    }

    public Set<ConsumerData> getConsumerDataSet() {
        return consumerDataSet;
    }

    public void setConsumerDataSet(Set<ConsumerData> consumerDataSet) {
        this.consumerDataSet = consumerDataSet;
    }

    public int getHeartbeatFingerprint() {
        return heartbeatFingerprint;
    }

    public void setHeartbeatFingerprint(int heartbeatFingerprint) {
        this.heartbeatFingerprint = heartbeatFingerprint;
    }

    public boolean isWithoutSub() {
        return withoutSub;
    }

    public void setWithoutSub(boolean withoutSub) {
        this.withoutSub = withoutSub;
    }
}
