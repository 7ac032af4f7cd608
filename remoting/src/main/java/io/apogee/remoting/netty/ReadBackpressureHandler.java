package io.apogee.remoting.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Server side only: stops reading a connection's requests while its responses cannot be written
 * (outbound buffer above the high water mark), so a peer that sends without reading cannot make
 * the server queue responses without bound. Never used on the client: if both ends paused reading
 * while their writes were stuck, each would wait for the other forever.
 */
@ChannelHandler.Sharable
final class ReadBackpressureHandler extends ChannelInboundHandlerAdapter {
    static final ReadBackpressureHandler INSTANCE = new ReadBackpressureHandler();

    private ReadBackpressureHandler() {
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        super.channelWritabilityChanged(ctx);
    }
}
