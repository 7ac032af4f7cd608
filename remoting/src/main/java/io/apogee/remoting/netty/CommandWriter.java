package io.apogee.remoting.netty;

import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;

/**
 * Writes a command and makes sure a body buffer is released even when the command never reaches
 * the encoder (channel already closed, event loop shut down): the encoder takes the buffer out of
 * the command, so whatever is still attached after a failed write is ours to release.
 */
final class CommandWriter {
    private CommandWriter() {
    }

    static ChannelFuture writeAndFlush(Channel channel, RemotingCommand cmd) {
        ChannelFuture future = channel.writeAndFlush(cmd);
        if (cmd.getBodyBuffer() != null) {
            future.addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    releaseBody(cmd);
                }
            });
        }
        return future;
    }

    /** For commands that will never be written (responses to oneway requests). */
    static void releaseBody(RemotingCommand cmd) {
        ByteBuf body = cmd.getBodyBuffer();
        cmd.setBodyBuffer(null);
        if (body != null && body.refCnt() > 0) {
            body.release();
        }
    }
}
