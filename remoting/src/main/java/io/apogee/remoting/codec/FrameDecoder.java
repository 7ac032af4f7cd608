package io.apogee.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Splits the byte stream at the 4-byte length field and decodes each frame into a RemotingCommand
 * on the IO thread. A frame over the limit, a negative length or an undecodable header raises an
 * exception that the connection handler answers by closing the connection.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {
    public FrameDecoder() {
        super(FrameCodec.MAX_FRAME_LENGTH, 0, 4, 0, 4);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            return FrameCodec.decode(frame);
        } finally {
            frame.release();
        }
    }

    /** A slice is enough: the frame is decoded and released before the next read, so no copy is needed. */
    @Override
    protected ByteBuf extractFrame(ChannelHandlerContext ctx, ByteBuf buffer, int index, int length) {
        return buffer.retainedSlice(index, length);
    }
}
