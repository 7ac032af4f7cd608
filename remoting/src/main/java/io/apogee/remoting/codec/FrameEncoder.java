package io.apogee.remoting.codec;

import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Turns a RemotingCommand into one frame buffer on the IO thread; a body buffer rides along uncopied. */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToMessageEncoder<RemotingCommand> {
    public static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand cmd, List<Object> out) {
        out.add(FrameCodec.encode(cmd, ctx.alloc()));
    }
}
