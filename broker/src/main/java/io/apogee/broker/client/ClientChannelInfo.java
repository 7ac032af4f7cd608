package io.apogee.broker.client;

import io.apogee.remoting.protocol.LanguageCode;
import io.netty.channel.Channel;

/** One client connection known from its heartbeats; the timestamp is refreshed by every heartbeat. */
public final class ClientChannelInfo {
    private final Channel channel;
    private final String clientId;
    private final LanguageCode language;
    private final int version;
    private volatile long lastUpdateTimestamp = System.currentTimeMillis();

    public ClientChannelInfo(Channel channel, String clientId, LanguageCode language, int version) {
        this.channel = channel;
        this.clientId = clientId;
        this.language = language;
        this.version = version;
    }

    public Channel channel() {
        return channel;
    }

    public String clientId() {
        return clientId;
    }

    public LanguageCode language() {
        return language;
    }

    public int version() {
        return version;
    }

    public long lastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }

    public void touch(long now) {
        lastUpdateTimestamp = now;
    }

    /** The remote {@code ip:port} of the connection, as admin tools print it. */
    public String remoteAddr() {
        return RemoteAddress.of(channel);
    }
}
