package io.apogee.broker.client;

import io.apogee.remoting.ChannelEventListener;
import io.netty.channel.Channel;

/** Forgets clients whose connection ended, and (called periodically) those that stopped heartbeating. */
public class ClientHousekeeping implements ChannelEventListener {
    private final ProducerManager producerManager;
    private final ConsumerManager consumerManager;

    public ClientHousekeeping(ProducerManager producerManager, ConsumerManager consumerManager) {
        this.producerManager = producerManager;
        this.consumerManager = consumerManager;
    }

    public void scanNotActive() {
        long now = System.currentTimeMillis();
        producerManager.scanNotActive(now);
        consumerManager.scanNotActive(now);
    }

    private void closed(Channel channel) {
        producerManager.onChannelClosed(channel);
        consumerManager.onChannelClosed(channel);
    }

    @Override
    public void onChannelClose(String remoteAddr, Channel channel) {
        closed(channel);
    }

    @Override
    public void onChannelException(String remoteAddr, Channel channel) {
        closed(channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, Channel channel) {
        closed(channel);
    }
}
