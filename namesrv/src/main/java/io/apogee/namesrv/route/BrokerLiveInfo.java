package io.apogee.namesrv.route;

import io.apogee.protocol.DataVersion;
import io.netty.channel.Channel;

/**
 * What the name server knows about one live broker process. Replaced on every registration; only the
 * last-seen time is touched in place (by version queries and heartbeats), hence volatile.
 */
final class BrokerLiveInfo {
    private final String brokerName;
    private final long brokerId;
    private final long timeoutMillis;
    private final DataVersion dataVersion;
    private final Channel channel;
    private final String haServerAddr;
    private volatile long lastUpdateMillis;

    BrokerLiveInfo(String brokerName, long brokerId, long timeoutMillis, DataVersion dataVersion, Channel channel,
                   String haServerAddr, long nowMillis) {
        this.brokerName = brokerName;
        this.brokerId = brokerId;
        this.timeoutMillis = timeoutMillis;
        this.dataVersion = dataVersion;
        this.channel = channel;
        this.haServerAddr = haServerAddr;
        this.lastUpdateMillis = nowMillis;
    }

    String brokerName() {
        return brokerName;
    }

    long brokerId() {
        return brokerId;
    }

    DataVersion dataVersion() {
        return dataVersion;
    }

    Channel channel() {
        return channel;
    }

    String haServerAddr() {
        return haServerAddr;
    }

    void touch(long nowMillis) {
        lastUpdateMillis = nowMillis;
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis - lastUpdateMillis > timeoutMillis;
    }
}
