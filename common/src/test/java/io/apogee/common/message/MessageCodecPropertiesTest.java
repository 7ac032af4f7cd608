package io.apogee.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class MessageCodecPropertiesTest {

    @Provide
    Arbitrary<InetSocketAddress> hosts() {
        Arbitrary<byte[]> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4);
        Arbitrary<byte[]> v6 = Arbitraries.bytes().array(byte[].class).ofSize(16);
        return Arbitraries.oneOf(v4, v6).flatMap(addr -> Arbitraries.integers().between(0, 65535).map(port -> {
            try {
                return new InetSocketAddress(InetAddress.getByAddress(addr), port);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Property(tries = 300)
    void encodeThenDecodeGivesTheSameMessage(
            @ForAll @StringLength(min = 1, max = 300) @CharRange(from = 'a', to = 'z') String topic,
            @ForAll @Size(max = 2048) byte[] body,
            @ForAll @Size(max = 5) Map<@StringLength(min = 1, max = 10) @CharRange(from = 'A', to = 'Z') String,
                    @StringLength(min = 1, max = 40) String> properties,
            @ForAll("hosts") InetSocketAddress born, @ForAll("hosts") InetSocketAddress store,
            @ForAll int queueId, @ForAll int flag, @ForAll long queueOffset, @ForAll long physOffset,
            @ForAll @IntRange(max = 0x0C) int txType, @ForAll int reconsume, @ForAll long bornTs) {
        properties.replaceAll((k, v) -> v.replace('\u0001', '_').replace('\u0002', '_'));
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(topic);
        msg.setBody(body);
        msg.setProperties(properties);
        msg.syncPropertiesString();
        msg.setBornHost(born);
        msg.setStoreHost(store);
        msg.setQueueId(queueId);
        msg.setFlag(flag);
        msg.setQueueOffset(queueOffset);
        msg.setCommitLogOffset(physOffset);
        msg.setSysFlag(txType & 0x0C);
        msg.setReconsumeTimes(reconsume);
        msg.setBornTimestamp(bornTs);
        msg.setStoreTimestamp(bornTs + 1);

        byte[] bytes = MessageCodec.encode(msg);
        int sysFlag = MessageCodec.withHostFlags(msg.getSysFlag(), born, store);
        assertThat(bytes).hasSize(MessageCodec.recordSize(sysFlag, body.length, topic.length(),
                msg.getPropertiesString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));

        MessageExt back = MessageCodec.decode(ByteBuffer.wrap(bytes), true, false);
        assertThat(back).isNotNull();
        assertThat(back.getTopic()).isEqualTo(topic);
        assertThat(back.getBody()).isEqualTo(body);
        assertThat(back.getProperties()).isEqualTo(properties);
        assertThat(back.getBornHost()).isEqualTo(born);
        assertThat(back.getStoreHost()).isEqualTo(store);
        assertThat(back.getQueueId()).isEqualTo(queueId);
        assertThat(back.getFlag()).isEqualTo(flag);
        assertThat(back.getQueueOffset()).isEqualTo(queueOffset);
        assertThat(back.getCommitLogOffset()).isEqualTo(physOffset);
        assertThat(back.getSysFlag()).isEqualTo(sysFlag);
        assertThat(back.getReconsumeTimes()).isEqualTo(reconsume);
        assertThat(back.getBornTimestamp()).isEqualTo(bornTs);
        assertThat(back.getStoreSize()).isEqualTo(bytes.length);
        assertThat(back.getBodyCRC()).isEqualTo(MessageChecksum.crc32(body));
    }
}
