package io.apogee.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** Native epoll where the platform has it (fewer copies and syscalls), NIO everywhere else. */
final class Transport {
    private final boolean epoll;

    Transport(boolean preferEpoll) {
        this.epoll = preferEpoll && Epoll.isAvailable();
    }

    EventLoopGroup newGroup(int threads, String threadPrefix) {
        NamedThreadFactory factory = new NamedThreadFactory(threadPrefix);
        return epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    Class<? extends ServerChannel> serverChannelType() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    Class<? extends Channel> channelType() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    boolean isEpoll() {
        return epoll;
    }
}
