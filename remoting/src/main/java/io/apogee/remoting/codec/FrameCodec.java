package io.apogee.remoting.codec;

import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The frame layout of wire.md §2: {@code totalLength | serializeType<<24 | headerLength | header | body}.
 * Usable without a channel, so tests and other modules can produce and read exact wire bytes.
 */
public final class FrameCodec {
    /** Largest frame after the 4-byte length field that either side accepts (wire.md §1). */
    public static final int MAX_FRAME_LENGTH = 16 * 1024 * 1024;
    private static final int MAX_HEADER_LENGTH = 0xFFFFFF;
    /** Length field plus the serialize-type/header-length word. */
    private static final int PREFIX_LENGTH = 8;
    /** Room for a typical header, so most frames need no buffer growth. */
    private static final int HEADER_ESTIMATE = 256;

    private FrameCodec() {
    }

    /** Encodes a whole frame, length field included, with the default allocator. */
    public static ByteBuf encode(RemotingCommand cmd) {
        return encode(cmd, ByteBufAllocator.DEFAULT);
    }

    /**
     * Encodes a whole frame, length field included. A {@link RemotingCommand#getBodyBuffer() body buffer}
     * is appended without copying; the returned frame owns it (the command's reference is cleared),
     * and it is released here if encoding fails.
     */
    public static ByteBuf encode(RemotingCommand cmd, ByteBufAllocator alloc) {
        ByteBuf bodyBuffer = cmd.getBodyBuffer();
        cmd.setBodyBuffer(null);
        byte[] body = cmd.getBody();
        int bodyLength = body != null ? body.length : bodyBuffer != null ? bodyBuffer.readableBytes() : 0;
        ByteBuf out = null;
        try {
            out = alloc.ioBuffer(PREFIX_LENGTH + HEADER_ESTIMATE + (body != null ? body.length : 0));
            out.writerIndex(PREFIX_LENGTH);
            SerializeType type = cmd.getSerializeTypeCurrentRPC() == SerializeType.ROCKETMQ ? SerializeType.ROCKETMQ : SerializeType.JSON;
            if (type == SerializeType.ROCKETMQ) {
                BinaryHeaderCodec.encode(cmd, out);
            } else {
                JsonHeaderCodec.encode(cmd, out);
            }
            int headerLength = out.writerIndex() - PREFIX_LENGTH;
            if (headerLength > MAX_HEADER_LENGTH) {
                throw new IllegalArgumentException("header of " + headerLength + " bytes exceeds the 24-bit header length field");
            }
            long frameLength = 4L + headerLength + bodyLength;
            if (frameLength > MAX_FRAME_LENGTH) {
                throw new IllegalArgumentException("frame of " + frameLength + " bytes exceeds the " + MAX_FRAME_LENGTH + "-byte limit");
            }
            out.setInt(0, (int) frameLength);
            out.setInt(4, (type.code() << 24) | headerLength);
            if (body != null) {
                out.writeBytes(body);
            } else if (bodyBuffer != null) {
                ByteBuf frame = alloc.compositeDirectBuffer(2).addComponents(true, out, bodyBuffer);
                bodyBuffer = null;
                out = null;
                return frame;
            }
            ByteBuf frame = out;
            out = null;
            return frame;
        } finally {
            if (out != null) {
                out.release();
            }
            if (bodyBuffer != null && bodyBuffer.refCnt() > 0) {
                bodyBuffer.release();
            }
        }
    }

    /**
     * Decodes one frame <em>without</em> its 4-byte length field (what a length-field frame decoder
     * hands on). Reads the buffer but does not release it; the body is copied out.
     */
    public static RemotingCommand decode(ByteBuf frame) throws RemotingCommandException {
        if (frame.readableBytes() < 4) {
            throw new RemotingCommandException("frame of " + frame.readableBytes() + " bytes has no header length word");
        }
        int word = frame.readInt();
        int typeCode = word >>> 24;
        int headerLength = word & MAX_HEADER_LENGTH;
        if (headerLength > frame.readableBytes()) {
            throw new RemotingCommandException("header length " + headerLength + " exceeds the " + frame.readableBytes() + " bytes left in the frame");
        }
        ByteBuf header = frame.readSlice(headerLength);
        RemotingCommand cmd;
        if (typeCode == SerializeType.JSON.code()) {
            cmd = JsonHeaderCodec.decode(header);
            cmd.setSerializeTypeCurrentRPC(SerializeType.JSON);
        } else if (typeCode == SerializeType.ROCKETMQ.code()) {
            cmd = BinaryHeaderCodec.decode(header);
            cmd.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        } else {
            throw new RemotingCommandException("unknown serialize type " + typeCode);
        }
        int bodyLength = frame.readableBytes();
        if (bodyLength > 0) {
            byte[] body = new byte[bodyLength];
            frame.readBytes(body);
            cmd.setBody(body);
        }
        return cmd;
    }
}
