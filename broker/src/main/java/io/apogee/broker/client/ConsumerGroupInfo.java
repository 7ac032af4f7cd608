package io.apogee.broker.client;

import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The live members of one consumer group and the subscriptions they last reported. */
public final class ConsumerGroupInfo {
    private final String groupName;
    private final ConcurrentMap<Channel, ClientChannelInfo> channels = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;

    public ConsumerGroupInfo(String groupName) {
        this.groupName = groupName;
    }

    /** Adds or refreshes a member; true when the member set changed (new channel or a new client id on it). */
    boolean updateChannel(ClientChannelInfo info, ConsumeType consumeType, MessageModel messageModel, ConsumeFromWhere where) {
        this.consumeType = consumeType;
        this.messageModel = messageModel;
        this.consumeFromWhere = where;
        ClientChannelInfo previous = channels.putIfAbsent(info.channel(), info);
        if (previous == null) {
            return true;
        }
        if (!previous.clientId().equals(info.clientId())) {
            channels.put(info.channel(), info);
            return true;
        }
        previous.touch(System.currentTimeMillis());
        return false;
    }

    /**
     * Replaces the subscriptions with the reported set; true when a topic was added or removed or an
     * expression changed. A report older than the registered version of a topic is ignored for it.
     */
    boolean updateSubscriptions(Set<SubscriptionData> reported) {
        boolean changed = false;
        Set<String> reportedTopics = new HashSet<>();
        for (SubscriptionData sub : reported) {
            reportedTopics.add(sub.getTopic());
            SubscriptionData old = subscriptions.get(sub.getTopic());
            if (old == null) {
                subscriptions.put(sub.getTopic(), sub);
                changed = true;
            } else if (sub.getSubVersion() >= old.getSubVersion()) {
                changed |= !old.equals(sub);
                subscriptions.put(sub.getTopic(), sub);
            }
        }
        changed |= subscriptions.keySet().removeIf(topic -> !reportedTopics.contains(topic));
        return changed;
    }

    boolean removeChannel(Channel channel) {
        return channels.remove(channel) != null;
    }

    /** Removes members silent for longer than {@code expiry}, closing their channels; true when any went. */
    boolean removeExpired(long now, long expiry) {
        return channels.values().removeIf(info -> {
            boolean expired = now - info.lastUpdateTimestamp() > expiry;
            if (expired) {
                info.channel().close();
            }
            return expired;
        });
    }

    public String groupName() {
        return groupName;
    }

    public List<ClientChannelInfo> members() {
        return new ArrayList<>(channels.values());
    }

    public List<Channel> channels() {
        return new ArrayList<>(channels.keySet());
    }

    public List<String> clientIds() {
        return channels.values().stream().map(ClientChannelInfo::clientId).toList();
    }

    public ClientChannelInfo findByClientId(String clientId) {
        return channels.values().stream().filter(info -> info.clientId().equals(clientId)).findFirst().orElse(null);
    }

    public SubscriptionData subscription(String topic) {
        return subscriptions.get(topic);
    }

    public Map<String, SubscriptionData> subscriptions() {
        return Map.copyOf(subscriptions);
    }

    public boolean isEmpty() {
        return channels.isEmpty();
    }

    public ConsumeType consumeType() {
        return consumeType;
    }

    public MessageModel messageModel() {
        return messageModel;
    }

    public ConsumeFromWhere consumeFromWhere() {
        return consumeFromWhere;
    }
}
