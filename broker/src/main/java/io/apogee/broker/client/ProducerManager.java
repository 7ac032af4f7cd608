package io.apogee.broker.client;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Live producer connections per producer group, learned from heartbeats; used for transaction checks and admin listings. */
public class ProducerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerManager.class);

    private final ConcurrentMap<String, ConcurrentMap<Channel, ClientChannelInfo>> groups = new ConcurrentHashMap<>();
    private final long channelExpiredTimeout;

    public ProducerManager(long channelExpiredTimeout) {
        this.channelExpiredTimeout = channelExpiredTimeout;
    }

    public void register(String group, ClientChannelInfo info) {
        ConcurrentMap<Channel, ClientChannelInfo> channels = groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        ClientChannelInfo previous = channels.putIfAbsent(info.channel(), info);
        if (previous == null) {
            LOG.info("producer {} of group {} registered from {}", info.clientId(), group, info.remoteAddr());
        } else if (previous.clientId().equals(info.clientId())) {
            previous.touch(System.currentTimeMillis());
        } else {
            channels.put(info.channel(), info);
        }
    }

    public void unregister(String group, Channel channel) {
        Map<Channel, ClientChannelInfo> channels = groups.get(group);
        if (channels != null && channels.remove(channel) != null) {
            LOG.info("producer of group {} at {} unregistered", group, RemoteAddress.of(channel));
            groups.computeIfPresent(group, (g, c) -> c.isEmpty() ? null : c);
        }
    }

    public void onChannelClosed(Channel channel) {
        groups.keySet().forEach(group -> unregister(group, channel));
    }

    /** Drops connections silent for longer than the expiry (no heartbeat) and closes them. */
    public void scanNotActive(long now) {
        groups.forEach((group, channels) -> channels.values().removeIf(info -> {
            boolean expired = now - info.lastUpdateTimestamp() > channelExpiredTimeout;
            if (expired) {
                LOG.info("producer {} of group {} expired", info.clientId(), group);
                info.channel().close();
            }
            return expired;
        }));
        groups.values().removeIf(Map::isEmpty);
    }

    public List<ClientChannelInfo> channelsOf(String group) {
        Map<Channel, ClientChannelInfo> channels = groups.get(group);
        return channels == null ? List.of() : new ArrayList<>(channels.values());
    }

    /** One random active connection of the group (transaction check-backs go to any producer of the group). */
    public Channel anyActiveChannel(String group) {
        List<ClientChannelInfo> active = channelsOf(group).stream().filter(info -> info.channel().isActive()).toList();
        return active.isEmpty() ? null : active.get(ThreadLocalRandom.current().nextInt(active.size())).channel();
    }

    public Map<String, List<ClientChannelInfo>> snapshot() {
        Map<String, List<ClientChannelInfo>> copy = new ConcurrentHashMap<>();
        groups.forEach((group, channels) -> copy.put(group, new ArrayList<>(channels.values())));
        return copy;
    }
}
