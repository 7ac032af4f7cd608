package io.apogee.remoting.netty;

import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Routes each decoded frame by the RESPONSE bit alone (wire.md §6): to a waiting call, or to a processor. */
@ChannelHandler.Sharable
final class InboundCommandHandler extends SimpleChannelInboundHandler<RemotingCommand> {
    private final ResponseTable responses;
    private final RequestDispatcher dispatcher;

    InboundCommandHandler(ResponseTable responses, RequestDispatcher dispatcher) {
        this.responses = responses;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand cmd) {
        if (cmd.isResponse()) {
            responses.onResponse(ctx.channel(), cmd);
        } else {
            dispatcher.dispatch(ctx.channel(), cmd);
        }
    }
}
