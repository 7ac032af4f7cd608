package io.apogee.common.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored message record (message.md §1). The same bytes sit in the commit log and travel in
 * pull, query and view responses, so encoding and decoding live here, shared by store and clients.
 */
public final class MessageCodec {
    /** Magic of a record whose topic length is one (signed) byte. */
    public static final int MAGIC_CODE_V1 = 0xDAA320A7;
    /** Magic of a record whose topic length is two bytes; only used for topics over 127 bytes. */
    public static final int MAGIC_CODE_V2 = 0xDAA320AB;
    /** Magic of the filler that pads the end of a commit-log file. */
    public static final int BLANK_MAGIC_CODE = 0xCBD43194;

    public static final int TOTAL_SIZE_POSITION = 0;
    public static final int MAGIC_POSITION = 4;
    public static final int BODY_CRC_POSITION = 8;
    public static final int QUEUE_ID_POSITION = 12;
    public static final int FLAG_POSITION = 16;
    public static final int QUEUE_OFFSET_POSITION = 20;
    public static final int PHYSICAL_OFFSET_POSITION = 28;
    public static final int SYSFLAG_POSITION = 36;
    public static final int BORN_TIMESTAMP_POSITION = 40;
    public static final int BORN_HOST_POSITION = 48;

    /** The biggest topic written with the v1 magic: its length must fit a signed byte. */
    public static final int MAX_V1_TOPIC_LENGTH = Byte.MAX_VALUE;

    private static final int IPV4_HOST_LENGTH = 8;
    private static final int IPV6_HOST_LENGTH = 20;

    private MessageCodec() {
    }

    public static int bornHostLength(int sysFlag) {
        return MessageSysFlag.isBornHostV6(sysFlag) ? IPV6_HOST_LENGTH : IPV4_HOST_LENGTH;
    }

    public static int storeHostLength(int sysFlag) {
        return MessageSysFlag.isStoreHostV6(sysFlag) ? IPV6_HOST_LENGTH : IPV4_HOST_LENGTH;
    }

    public static int storeTimestampPosition(int sysFlag) {
        return BORN_HOST_POSITION + bornHostLength(sysFlag);
    }

    public static int storeHostPosition(int sysFlag) {
        return storeTimestampPosition(sysFlag) + 8;
    }

    public static int reconsumeTimesPosition(int sysFlag) {
        return storeHostPosition(sysFlag) + storeHostLength(sysFlag);
    }

    /** Position of BODYLENGTH; the body follows it. */
    public static int bodyLengthPosition(int sysFlag) {
        return reconsumeTimesPosition(sysFlag) + 4 + 8;
    }

    public static int magicFor(int topicLength) {
        return topicLength > MAX_V1_TOPIC_LENGTH ? MAGIC_CODE_V2 : MAGIC_CODE_V1;
    }

    public static int topicLengthSize(int magic) {
        return magic == MAGIC_CODE_V2 ? 2 : 1;
    }

    public static boolean isMessageMagic(int magic) {
        return magic == MAGIC_CODE_V1 || magic == MAGIC_CODE_V2;
    }

    /** TOTALSIZE of a record with the given parts. */
    public static int recordSize(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        return bodyLengthPosition(sysFlag) + 4 + bodyLength
                + topicLengthSize(magicFor(topicLength)) + topicLength + 2 + propertiesLength;
    }

    /** Sets or clears the two host-v6 bits to match the actual address families. */
    public static int withHostFlags(int sysFlag, SocketAddress bornHost, SocketAddress storeHost) {
        int flag = sysFlag & ~(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        if (addressLength(bornHost) == 16) {
            flag |= MessageSysFlag.BORNHOST_V6_FLAG;
        }
        if (addressLength(storeHost) == 16) {
            flag |= MessageSysFlag.STOREHOSTADDRESS_V6_FLAG;
        }
        return flag;
    }

    /**
     * Writes one record at the buffer's position and advances it. The caller supplies the
     * already-encoded topic and properties so hot paths can reuse them; {@code sysFlag} must
     * already carry the host-v6 bits ({@link #withHostFlags}). Body is written as given.
     */
    public static void encode(ByteBuffer dst, MessageExt msg, int sysFlag, byte[] topic, byte[] properties,
                              byte[] body, int bodyOffset, int bodyLength, int bodyCrc) {
        if (properties.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("properties too long: " + properties.length);
        }
        int magic = magicFor(topic.length);
        dst.putInt(recordSize(sysFlag, bodyLength, topic.length, properties.length));
        dst.putInt(magic);
        dst.putInt(bodyCrc);
        dst.putInt(msg.getQueueId());
        dst.putInt(msg.getFlag());
        dst.putLong(msg.getQueueOffset());
        dst.putLong(msg.getCommitLogOffset());
        dst.putInt(sysFlag);
        dst.putLong(msg.getBornTimestamp());
        putHost(dst, msg.getBornHost(), MessageSysFlag.isBornHostV6(sysFlag));
        dst.putLong(msg.getStoreTimestamp());
        putHost(dst, msg.getStoreHost(), MessageSysFlag.isStoreHostV6(sysFlag));
        dst.putInt(msg.getReconsumeTimes());
        dst.putLong(msg.getPreparedTransactionOffset());
        dst.putInt(bodyLength);
        if (bodyLength > 0) {
            dst.put(body, bodyOffset, bodyLength);
        }
        if (magic == MAGIC_CODE_V2) {
            dst.putShort((short) topic.length);
        } else {
            dst.put((byte) topic.length);
        }
        dst.put(topic);
        dst.putShort((short) properties.length);
        dst.put(properties);
    }

    /**
     * Encodes a whole record. Properties come from {@link MessageExtBrokerInner#getPropertiesString()}
     * when set, else from the property map; BODYCRC is computed over the body as given.
     */
    public static byte[] encode(MessageExt msg) {
        byte[] topic = msg.getTopic().getBytes(StandardCharsets.UTF_8);
        String props = msg instanceof MessageExtBrokerInner inner && inner.getPropertiesString() != null
                ? inner.getPropertiesString() : MessageProperties.encode(msg.getProperties());
        byte[] properties = props.getBytes(StandardCharsets.UTF_8);
        byte[] body = msg.getBody() == null ? new byte[0] : msg.getBody();
        int sysFlag = withHostFlags(msg.getSysFlag(), msg.getBornHost(), msg.getStoreHost());
        ByteBuffer buf = ByteBuffer.allocate(recordSize(sysFlag, body.length, topic.length, properties.length));
        encode(buf, msg, sysFlag, topic, properties, body, 0, body.length, MessageChecksum.crc32(body));
        return buf.array();
    }

    /**
     * Decodes the record at the buffer's position and moves past it. Returns null, leaving the
     * position unspecified, when the bytes are not a complete message record.
     */
    public static MessageExt decode(ByteBuffer buf, boolean readBody, boolean deCompressBody) {
        try {
            int start = buf.position();
            int totalSize = buf.getInt();
            int magic = buf.getInt();
            if (!isMessageMagic(magic) || totalSize <= 0 || totalSize > buf.remaining() + 8) {
                return null;
            }
            MessageExt msg = new MessageExt();
            msg.setStoreSize(totalSize);
            msg.setBodyCRC(buf.getInt());
            msg.setQueueId(buf.getInt());
            msg.setFlag(buf.getInt());
            msg.setQueueOffset(buf.getLong());
            msg.setCommitLogOffset(buf.getLong());
            int sysFlag = buf.getInt();
            msg.setSysFlag(sysFlag);
            msg.setBornTimestamp(buf.getLong());
            msg.setBornHost(getHost(buf, MessageSysFlag.isBornHostV6(sysFlag)));
            msg.setStoreTimestamp(buf.getLong());
            msg.setStoreHost(getHost(buf, MessageSysFlag.isStoreHostV6(sysFlag)));
            msg.setReconsumeTimes(buf.getInt());
            msg.setPreparedTransactionOffset(buf.getLong());
            int bodyLength = buf.getInt();
            if (bodyLength < 0 || bodyLength > buf.remaining()) {
                return null;
            }
            if (readBody) {
                byte[] body = new byte[bodyLength];
                buf.get(body);
                if (deCompressBody && MessageSysFlag.isCompressed(sysFlag)) {
                    body = Compression.uncompress(body, sysFlag);
                }
                msg.setBody(body);
            } else {
                buf.position(buf.position() + bodyLength);
            }
            int topicLength = magic == MAGIC_CODE_V2 ? buf.getShort() : buf.get();
            if (topicLength < 0 || topicLength > buf.remaining()) {
                return null;
            }
            msg.setTopic(getString(buf, topicLength));
            int propertiesLength = buf.getShort();
            if (propertiesLength < 0 || propertiesLength > buf.remaining()) {
                return null;
            }
            if (propertiesLength > 0) {
                msg.setProperties(MessageProperties.decode(getString(buf, propertiesLength)));
            }
            if (buf.position() - start != totalSize) {
                return null;
            }
            msg.setMsgId(MessageIds.createOffsetMessageId(msg.getStoreHost(), msg.getCommitLogOffset()));
            return msg;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes records back to back until the buffer ends or a record fails (as clients do). */
    public static List<MessageExt> decodes(ByteBuffer buf, boolean readBody) {
        List<MessageExt> list = new ArrayList<>();
        while (buf.hasRemaining()) {
            MessageExt msg = decode(buf, readBody, true);
            if (msg == null) {
                break;
            }
            list.add(msg);
        }
        return list;
    }

    private static String getString(ByteBuffer buf, int length) {
        if (buf.hasArray()) {
            String s = new String(buf.array(), buf.arrayOffset() + buf.position(), length, StandardCharsets.UTF_8);
            buf.position(buf.position() + length);
            return s;
        }
        byte[] bytes = new byte[length];
        buf.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int addressLength(SocketAddress host) {
        if (host instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getAddress().length;
        }
        return 4;
    }

    /** An unresolved or missing host is written as 0.0.0.0 so a record can always be encoded. */
    static void putHost(ByteBuffer dst, SocketAddress host, boolean v6) {
        InetSocketAddress inet = host instanceof InetSocketAddress i ? i : null;
        byte[] address = inet != null && inet.getAddress() != null ? inet.getAddress().getAddress() : null;
        int length = v6 ? 16 : 4;
        if (address != null && address.length == length) {
            dst.put(address);
        } else {
            dst.put(new byte[length]);
        }
        dst.putInt(inet == null ? 0 : inet.getPort());
    }

    static InetSocketAddress getHost(ByteBuffer buf, boolean v6) {
        byte[] address = new byte[v6 ? 16 : 4];
        buf.get(address);
        int port = buf.getInt();
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
