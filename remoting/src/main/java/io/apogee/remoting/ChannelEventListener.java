package io.apogee.remoting;

import io.netty.channel.Channel;

/** Connection lifecycle events a server or client owner wants to hear about (e.g. the name server drops a broker whose channel closed). */
public interface ChannelEventListener {
    default void onChannelConnect(String remoteAddr, Channel channel) {
    }

    default void onChannelClose(String remoteAddr, Channel channel) {
    }

    default void onChannelException(String remoteAddr, Channel channel) {
    }

    default void onChannelIdle(String remoteAddr, Channel channel) {
    }
}
