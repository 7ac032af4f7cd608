package io.apogee.remoting.netty;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The "host:port" strings RocketMQ uses to name the two ends of a connection. */
public final class RemotingAddress {
    private RemotingAddress() {
    }

    /** The peer of a channel as "ip:port", or "" when unknown (e.g. the channel never connected). */
    public static String remote(Channel channel) {
        if (channel == null) {
            return "";
        }
        return format(channel.remoteAddress());
    }

    public static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return address == null ? "" : address.toString();
    }

    /** Parses "host:port" (the port after the last colon, IPv6 hosts optionally in brackets); throws IllegalArgumentException otherwise. */
    public static InetSocketAddress parse(String addr) {
        int colon = addr == null ? -1 : addr.lastIndexOf(':');
        if (colon <= 0 || colon == addr.length() - 1) {
            throw new IllegalArgumentException("address must be host:port, got " + addr);
        }
        int port;
        try {
            port = Integer.parseInt(addr.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address must be host:port, got " + addr, e);
        }
        String host = addr.substring(0, colon).trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
