package io.apogee.protocol.body;

/** Progress of a group on one queue in {@link ConsumeStats}. */
public class OffsetWrapper {
    /** Queue max offset. */
    private long brokerOffset;
    /** Committed offset, 0 if none. */
    private long consumerOffset;
    /** 5.x. */
    private long pullOffset;
    /** Store time of the message at consumerOffset - 1, 0 if none. */
    private long lastTimestamp;

    public long getBrokerOffset() {
        return brokerOffset;
    }

    public void setBrokerOffset(long brokerOffset) {
        this.brokerOffset = brokerOffset;
    }

    public long getConsumerOffset() {
        return consumerOffset;
    }

    public void setConsumerOffset(long consumerOffset) {
        this.consumerOffset = consumerOffset;
    }

    public long getPullOffset() {
        return pullOffset;
    }

    public void setPullOffset(long pullOffset) {
        this.pullOffset = pullOffset;
    }

    public long getLastTimestamp() {
        return lastTimestamp;
    }

    public void setLastTimestamp(long lastTimestamp) {
        this.lastTimestamp = lastTimestamp;
    }
}
