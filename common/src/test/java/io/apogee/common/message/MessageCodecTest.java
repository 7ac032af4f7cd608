package io.apogee.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageCodecTest {

    static MessageExtBrokerInner sample(String topic, InetSocketAddress born, InetSocketAddress store) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(topic);
        msg.setQueueId(3);
        msg.setFlag(7);
        msg.setQueueOffset(42);
        msg.setCommitLogOffset(123456789L);
        msg.setSysFlag(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        msg.setBornTimestamp(1_700_000_000_000L);
        msg.setBornHost(born);
        msg.setStoreTimestamp(1_700_000_000_123L);
        msg.setStoreHost(store);
        msg.setReconsumeTimes(2);
        msg.setPreparedTransactionOffset(99);
        msg.setBody("hello".getBytes(StandardCharsets.UTF_8));
        msg.setTags("TagA");
        msg.setKeys("k1 k2");
        msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "0A0B0C0D00002A9F0000000000000001");
        return msg;
    }

    static InetSocketAddress v4(String host, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    /** Field offsets of message.md §1 for an IPv4/v1 record: topic "T", body "hello", no properties. */
    @Test
    void layoutMatchesTheDocumentedOffsets() throws Exception {
        MessageExtBrokerInner msg = sample("T", v4("10.0.0.1", 5000), v4("10.0.0.2", 10911));
        msg.setPropertiesString("");
        byte[] bytes = MessageCodec.encode(msg);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertThat(bytes).hasSize(91 + 5 + 1);
        assertThat(b.getInt(0)).isEqualTo(bytes.length);
        assertThat(b.getInt(4)).isEqualTo(0xDAA320A7).isEqualTo(-626843481);
        assertThat(b.getInt(8)).isEqualTo(MessageChecksum.crc32("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(b.getInt(12)).isEqualTo(3);
        assertThat(b.getInt(16)).isEqualTo(7);
        assertThat(b.getLong(20)).isEqualTo(42);
        assertThat(b.getLong(28)).isEqualTo(123456789L);
        assertThat(b.getInt(36)).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(b.getLong(40)).isEqualTo(1_700_000_000_000L);
        assertThat(new byte[] {bytes[48], bytes[49], bytes[50], bytes[51]}).containsExactly(10, 0, 0, 1);
        assertThat(b.getInt(52)).isEqualTo(5000);
        assertThat(b.getLong(56)).isEqualTo(1_700_000_000_123L);
        assertThat(b.getInt(68)).isEqualTo(10911);
        assertThat(b.getInt(72)).isEqualTo(2);
        assertThat(b.getLong(76)).isEqualTo(99);
        assertThat(b.getInt(84)).isEqualTo(5);
        assertThat(new String(bytes, 88, 5, StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(bytes[93]).isEqualTo((byte) 1);
        assertThat((char) bytes[94]).isEqualTo('T');
        assertThat(b.getShort(95)).isZero();
    }

    @Test
    void crcMatchesTheOfficialMaskedCrc() {
        byte[] data = "The quick brown fox".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageChecksum.crc32(data)).isEqualTo(org.apache.rocketmq.common.UtilAll.crc32(data));
    }

    @Test
    void encodeIsByteIdenticalToTheOfficialEncoderIpv4() throws Exception {
        assertSameAsOfficial(sample("TopicTest", v4("192.168.1.10", 50123), v4("192.168.1.2", 10911)));
    }

    @Test
    void encodeIsByteIdenticalToTheOfficialEncoderIpv6() throws Exception {
        assertSameAsOfficial(sample("TopicTest", v4("::1", 50123), v4("fe80::1", 10911)));
        assertSameAsOfficial(sample("TopicTest", v4("10.1.1.1", 50123), v4("2001:db8::7", 10911)));
    }

    @Test
    void longTopicUsesTheV2MagicAndTwoByteLength() throws Exception {
        String topic = "t".repeat(200);
        MessageExtBrokerInner msg = sample(topic, v4("10.0.0.1", 1), v4("10.0.0.2", 2));
        msg.syncPropertiesString();
        byte[] bytes = MessageCodec.encode(msg);
        assertThat(ByteBuffer.wrap(bytes).getInt(4)).isEqualTo(MessageCodec.MAGIC_CODE_V2);
        org.apache.rocketmq.common.message.MessageExt official =
                MessageDecoder.decode(ByteBuffer.wrap(bytes), true, false);
        assertThat(official.getTopic()).isEqualTo(topic);
        assertThat(MessageCodec.decode(ByteBuffer.wrap(bytes), true, false).getTopic()).isEqualTo(topic);
    }

    private static void assertSameAsOfficial(MessageExtBrokerInner msg) throws Exception {
        msg.syncPropertiesString();
        byte[] ours = MessageCodec.encode(msg);

        org.apache.rocketmq.common.message.MessageExt theirs = new org.apache.rocketmq.common.message.MessageExt();
        theirs.setTopic(msg.getTopic());
        theirs.setQueueId(msg.getQueueId());
        theirs.setFlag(msg.getFlag());
        theirs.setQueueOffset(msg.getQueueOffset());
        theirs.setCommitLogOffset(msg.getCommitLogOffset());
        theirs.setSysFlag(MessageCodec.withHostFlags(msg.getSysFlag(), msg.getBornHost(), msg.getStoreHost()));
        theirs.setBornTimestamp(msg.getBornTimestamp());
        theirs.setBornHost(msg.getBornHost());
        theirs.setStoreTimestamp(msg.getStoreTimestamp());
        theirs.setStoreHost(msg.getStoreHost());
        theirs.setReconsumeTimes(msg.getReconsumeTimes());
        theirs.setPreparedTransactionOffset(msg.getPreparedTransactionOffset());
        theirs.setBody(msg.getBody());
        theirs.setBodyCRC(MessageChecksum.crc32(msg.getBody()));
        for (Map.Entry<String, String> e : MessageProperties.decode(msg.getPropertiesString()).entrySet()) {
            org.apache.rocketmq.common.message.MessageAccessor.putProperty(theirs, e.getKey(), e.getValue());
        }
        // Properties are compared as strings in our own order; the official map order may differ.
        byte[] official = MessageDecoder.encode(theirs, false);
        assertThat(ours).hasSameSizeAs(official);
        int propsStart = ours.length - msg.getPropertiesString().getBytes(StandardCharsets.UTF_8).length;
        assertThat(java.util.Arrays.copyOf(ours, propsStart)).isEqualTo(java.util.Arrays.copyOf(official, propsStart));
        assertThat(MessageProperties.decode(new String(official, propsStart, ours.length - propsStart,
                StandardCharsets.UTF_8))).isEqualTo(msg.getProperties());

        org.apache.rocketmq.common.message.MessageExt decoded = MessageDecoder.decode(ByteBuffer.wrap(ours), true, true);
        assertThat(decoded.getTopic()).isEqualTo(msg.getTopic());
        assertThat(decoded.getBody()).isEqualTo(msg.getBody());
        assertThat(decoded.getProperties()).isEqualTo(msg.getProperties());
        assertThat(decoded.getBornHost()).isEqualTo(msg.getBornHost());
        assertThat(decoded.getStoreHost()).isEqualTo(msg.getStoreHost());
        assertThat(decoded.getMsgId()).isEqualTo(MessageIds.createOffsetMessageId(msg.getStoreHost(), msg.getCommitLogOffset()));
    }

    @Test
    void decodesWhatTheOfficialEncoderWrote() throws Exception {
        org.apache.rocketmq.common.message.MessageExt theirs = new org.apache.rocketmq.common.message.MessageExt();
        theirs.setTopic("OfficialTopic");
        theirs.setBody(new byte[] {1, 2, 3});
        theirs.setBornHost(v4("1.2.3.4", 1234));
        theirs.setStoreHost(v4("5.6.7.8", 10911));
        theirs.setQueueOffset(5);
        theirs.setCommitLogOffset(1024);
        theirs.setTags("X");
        byte[] bytes = MessageDecoder.encode(theirs, false);
        MessageExt ours = MessageCodec.decode(ByteBuffer.wrap(bytes), true, true);
        assertThat(ours.getTopic()).isEqualTo("OfficialTopic");
        assertThat(ours.getBody()).containsExactly(1, 2, 3);
        assertThat(ours.getTags()).isEqualTo("X");
        assertThat(ours.getQueueOffset()).isEqualTo(5);
        assertThat(ours.getCommitLogOffset()).isEqualTo(1024);
        assertThat(ours.getMsgId()).isEqualTo(MessageDecoder.createMessageId(theirs.getStoreHost(), 1024));
    }

    @Test
    void compressedBodyIsInflatedOnDecodeWhenAsked() throws Exception {
        byte[] plain = "abc".repeat(2000).getBytes(StandardCharsets.UTF_8);
        MessageExtBrokerInner msg = sample("T", v4("10.0.0.1", 1), v4("10.0.0.2", 2));
        msg.setBody(Compression.zlibCompress(plain, Compression.DEFAULT_ZLIB_LEVEL));
        msg.setSysFlag(MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE);
        msg.syncPropertiesString();
        byte[] bytes = MessageCodec.encode(msg);
        assertThat(MessageCodec.decode(ByteBuffer.wrap(bytes), true, true).getBody()).isEqualTo(plain);
        assertThat(MessageCodec.decode(ByteBuffer.wrap(bytes), true, false).getBody()).isEqualTo(msg.getBody());
        assertThat(MessageDecoder.decode(ByteBuffer.wrap(bytes), true, true).getBody()).isEqualTo(plain);
        // Old producers set only bit 0: that still means zlib.
        assertThat(Compression.uncompress(msg.getBody(), MessageSysFlag.COMPRESSED_FLAG)).isEqualTo(plain);
    }

    @Test
    void decodesStopAtTheFirstBadRecord() throws Exception {
        MessageExtBrokerInner msg = sample("T", v4("10.0.0.1", 1), v4("10.0.0.2", 2));
        msg.syncPropertiesString();
        byte[] one = MessageCodec.encode(msg);
        ByteBuffer buf = ByteBuffer.allocate(one.length * 3);
        buf.put(one).put(one).put(new byte[one.length]).flip();
        List<MessageExt> list = MessageCodec.decodes(buf, true);
        assertThat(list).hasSize(2);
        assertThat(list.get(0).getTags()).isEqualTo("TagA");
    }

    @Test
    void decodeWithoutBodySkipsIt() throws Exception {
        MessageExtBrokerInner msg = sample("T", v4("10.0.0.1", 1), v4("10.0.0.2", 2));
        msg.syncPropertiesString();
        MessageExt decoded = MessageCodec.decode(ByteBuffer.wrap(MessageCodec.encode(msg)), false, false);
        assertThat(decoded.getBody()).isNull();
        assertThat(decoded.getKeys()).isEqualTo("k1 k2");
    }
}
