package io.apogee.remoting.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every pipeline: reports connect/close/idle/exception to the owner, closes idle and
 * broken connections (a malformed frame costs only its own connection), and fails the calls still
 * waiting on a connection that closed.
 */
@ChannelHandler.Sharable
final class ConnectionHandler extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    private final String side;
    private final ChannelEvents events;
    private final ResponseTable responses;

    ConnectionHandler(String side, ChannelEvents events, ResponseTable responses) {
        this.side = side;
        this.events = events;
        this.responses = responses;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        LOG.debug("{}: connection to {} active", side, RemotingAddress.remote(ctx.channel()));
        events.connected(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        LOG.debug("{}: connection to {} closed", side, RemotingAddress.remote(ctx.channel()));
        responses.failCallsOn(ctx.channel());
        events.closed(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
            LOG.info("{}: closing connection to {}: idle", side, RemotingAddress.remote(ctx.channel()));
            events.idle(ctx.channel());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            // Peers vanish all the time (reset, broken pipe); only bad input deserves a warning.
            LOG.info("{}: closing connection to {}: {}", side, RemotingAddress.remote(ctx.channel()), cause.toString());
        } else {
            LOG.warn("{}: closing connection to {}: {}", side, RemotingAddress.remote(ctx.channel()), cause.toString());
        }
        events.exception(ctx.channel());
        ctx.close();
    }
}
