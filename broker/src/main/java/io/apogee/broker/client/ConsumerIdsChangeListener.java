package io.apogee.broker.client;

import io.netty.channel.Channel;
import java.util.List;

/** Told when a consumer group's membership or subscriptions changed, with the channels that remain. */
@FunctionalInterface
public interface ConsumerIdsChangeListener {
    void consumerIdsChanged(String group, List<Channel> remainingChannels);
}
