package io.apogee.broker.client;

import io.apogee.protocol.RequestCode;
import io.apogee.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests the broker sends to clients over the connections the clients opened. */
public class Broker2Client implements ConsumerIdsChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(Broker2Client.class);

    private final NettyRemotingServer server;

    public Broker2Client(NettyRemotingServer server) {
        this.server = server;
    }

    /** NOTIFY_CONSUMER_IDS_CHANGED (oneway) to every remaining member, so they rebalance now instead of within 20 s. */
    @Override
    public void consumerIdsChanged(String group, List<Channel> remainingChannels) {
        for (Channel channel : remainingChannels) {
            NotifyConsumerIdsChangedRequestHeader header = new NotifyConsumerIdsChangedRequestHeader();
            header.setConsumerGroup(group);
            oneway(channel, RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, header));
        }
    }

    /** A request the client answers (running info, consume directly); fails with a RemotingException on timeout. */
    public CompletableFuture<RemotingCommand> invoke(Channel channel, RemotingCommand request, long timeoutMillis) {
        return server.invokeAsync(channel, request, timeoutMillis);
    }

    public void oneway(Channel channel, RemotingCommand request) {
        if (!channel.isActive()) {
            return;
        }
        try {
            server.invokeOneway(channel, request.markOneway());
        } catch (RemotingException e) {
            LOG.warn("cannot send request {} to client {}: {}", request.getCode(), RemoteAddress.of(channel), e.getMessage());
        }
    }
}
