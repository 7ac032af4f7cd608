package io.apogee.broker.client;

import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.MessageModel;
import io.apogee.protocol.body.SubscriptionData;
import io.netty.channel.Channel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer groups and their live members, maintained from heartbeats, unregistrations, closed
 * connections and the expiry scan. Any membership or subscription change is reported to the listener
 * so the group's consumers rebalance at once.
 */
public class ConsumerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerManager.class);

    private final ConcurrentMap<String, ConsumerGroupInfo> groups = new ConcurrentHashMap<>();
    private final long channelExpiredTimeout;
    private final ConsumerIdsChangeListener listener;

    public ConsumerManager(long channelExpiredTimeout, ConsumerIdsChangeListener listener) {
        this.channelExpiredTimeout = channelExpiredTimeout;
        this.listener = listener;
    }

    /** Registers or refreshes a member; returns true when the group changed (and the listener was told if asked). */
    public boolean register(String group, ClientChannelInfo info, ConsumeType consumeType, MessageModel messageModel,
                            ConsumeFromWhere where, Set<SubscriptionData> subscriptions, boolean notifyOnChange) {
        ConsumerGroupInfo groupInfo = groups.computeIfAbsent(group, ConsumerGroupInfo::new);
        boolean changed;
        synchronized (groupInfo) {
            boolean membersChanged = groupInfo.updateChannel(info, consumeType, messageModel, where);
            boolean subscriptionsChanged = groupInfo.updateSubscriptions(subscriptions);
            changed = membersChanged || subscriptionsChanged;
        }
        if (changed) {
            LOG.info("consumer group {} changed: {} members", group, groupInfo.members().size());
            if (notifyOnChange) {
                listener.consumerIdsChanged(group, groupInfo.channels());
            }
        }
        return changed;
    }

    public void unregister(String group, Channel channel, boolean notifyOnChange) {
        ConsumerGroupInfo groupInfo = groups.get(group);
        if (groupInfo != null && groupInfo.removeChannel(channel)) {
            LOG.info("consumer at {} left group {}", RemoteAddress.of(channel), group);
            afterRemoval(groupInfo, notifyOnChange);
        }
    }

    public void onChannelClosed(Channel channel) {
        for (ConsumerGroupInfo groupInfo : groups.values()) {
            if (groupInfo.removeChannel(channel)) {
                LOG.info("consumer connection {} of group {} closed", RemoteAddress.of(channel), groupInfo.groupName());
                afterRemoval(groupInfo, true);
            }
        }
    }

    public void scanNotActive(long now) {
        for (ConsumerGroupInfo groupInfo : groups.values()) {
            if (groupInfo.removeExpired(now, channelExpiredTimeout)) {
                LOG.info("expired consumers removed from group {}", groupInfo.groupName());
                afterRemoval(groupInfo, true);
            }
        }
    }

    private void afterRemoval(ConsumerGroupInfo groupInfo, boolean notify) {
        if (groupInfo.isEmpty()) {
            groups.remove(groupInfo.groupName(), groupInfo);
        } else if (notify) {
            listener.consumerIdsChanged(groupInfo.groupName(), groupInfo.channels());
        }
    }

    public ConsumerGroupInfo group(String group) {
        return groups.get(group);
    }

    public SubscriptionData findSubscription(String group, String topic) {
        ConsumerGroupInfo groupInfo = groups.get(group);
        return groupInfo == null ? null : groupInfo.subscription(topic);
    }

    /** Groups with at least one live member. */
    public Set<String> onlineGroups() {
        return Set.copyOf(groups.keySet());
    }

    /** Online groups that subscribe to the topic. */
    public Set<String> groupsSubscribing(String topic) {
        Set<String> result = new HashSet<>();
        groups.forEach((name, info) -> {
            if (info.subscription(topic) != null) {
                result.add(name);
            }
        });
        return result;
    }
}
