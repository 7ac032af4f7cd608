package io.apogee.common.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The offset message id (message.md §7.1): store host address, port and commit-log offset in
 * uppercase hex, 32 characters for IPv4 and 56 for IPv6. Clients connect to the embedded address.
 */
public final class MessageIds {
    public static final int IPV4_ID_LENGTH = 32;
    public static final int IPV6_ID_LENGTH = 56;

    private MessageIds() {
    }

    /** Decoded offset id. */
    public record OffsetMessageId(InetSocketAddress address, long offset) {
    }

    /** A missing or unresolved host is rendered as 0.0.0.0:0, as the record stores it. */
    public static String createOffsetMessageId(SocketAddress storeHost, long commitLogOffset) {
        if (!(storeHost instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            int port = storeHost instanceof InetSocketAddress i ? i.getPort() : 0;
            return createOffsetMessageId(new byte[4], port, commitLogOffset);
        }
        return createOffsetMessageId(inet.getAddress().getAddress(), inet.getPort(), commitLogOffset);
    }

    public static String createOffsetMessageId(byte[] address, int port, long commitLogOffset) {
        ByteBuffer buf = ByteBuffer.allocate(address.length + 12);
        buf.put(address).putInt(port).putLong(commitLogOffset);
        return HexCodec.encode(buf.array());
    }

    /** Throws IllegalArgumentException when the id is neither 32 nor 56 hex characters. */
    public static OffsetMessageId decodeOffsetMessageId(String msgId) {
        if (msgId.length() != IPV4_ID_LENGTH && msgId.length() != IPV6_ID_LENGTH) {
            throw new IllegalArgumentException("not an offset message id: " + msgId);
        }
        ByteBuffer buf = ByteBuffer.wrap(HexCodec.decode(msgId));
        byte[] address = new byte[msgId.length() == IPV4_ID_LENGTH ? 4 : 16];
        buf.get(address);
        int port = buf.getInt();
        long offset = buf.getLong();
        try {
            return new OffsetMessageId(new InetSocketAddress(InetAddress.getByAddress(address), port), offset);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
