package io.apogee.broker.client;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Renders a channel's peer as {@code ip:port}, the form RocketMQ tools show and parse. */
public final class RemoteAddress {
    private RemoteAddress() {
    }

    public static String of(Channel channel) {
        if (channel == null) {
            return "";
        }
        SocketAddress address = channel.remoteAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return address == null ? "" : address.toString();
    }
}
