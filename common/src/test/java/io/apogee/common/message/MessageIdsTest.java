package io.apogee.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageIdsTest {

    @Test
    void offsetIdIpv4IsThirtyTwoUppercaseHexChars() throws Exception {
        InetSocketAddress host = new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 10911);
        String id = MessageIds.createOffsetMessageId(host, 0x1234L);
        assertThat(id).isEqualTo("0A00000100002A9F0000000000001234");
        assertThat(id).isEqualTo(MessageDecoder.createMessageId(host, 0x1234L));
        MessageIds.OffsetMessageId decoded = MessageIds.decodeOffsetMessageId(id);
        assertThat(decoded.address()).isEqualTo(host);
        assertThat(decoded.offset()).isEqualTo(0x1234L);
    }

    @Test
    void offsetIdIpv6IsFiftySixChars() throws Exception {
        InetSocketAddress host = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 10911);
        String id = MessageIds.createOffsetMessageId(host, 77);
        assertThat(id).hasSize(56).isEqualTo(MessageDecoder.createMessageId(host, 77));
        assertThat(MessageIds.decodeOffsetMessageId(id).address()).isEqualTo(host);
        assertThat(MessageDecoder.decodeMessageId(id).getOffset()).isEqualTo(77);
    }

    @Test
    void aMissingHostIsRenderedAsZeros() {
        assertThat(MessageIds.createOffsetMessageId(null, 16)).isEqualTo("00000000000000000000000000000010");
    }

    @Test
    void malformedIdsAreRejected() {
        assertThatThrownBy(() -> MessageIds.decodeOffsetMessageId("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageIds.decodeOffsetMessageId("Z".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uniqueIdsHaveTheClientFormatAndDecodeWithTheOfficialHelpers() {
        String a = UniqueIdGenerator.createUniqId();
        String b = UniqueIdGenerator.createUniqId();
        assertThat(a).isNotEqualTo(b).matches("[0-9A-F]{32}|[0-9A-F]{56}");
        assertThat(a.substring(0, a.length() - 12)).isEqualTo(b.substring(0, b.length() - 12));
        long now = System.currentTimeMillis();
        assertThat(UniqueIdGenerator.nearlyTimeFromId(a)).isBetween(now - 5_000, now + 5_000);
        assertThat(MessageClientIDSetter.getNearlyTimeFromID(a).getTime()).isBetween(now - 5_000, now + 5_000);
        assertThat(UniqueIdGenerator.ipFromId(a)).isEqualTo(MessageClientIDSetter.getIPFromID(a));
        assertThat(MessageClientIDSetter.getPidFromID(a)).isEqualTo((short) ProcessHandle.current().pid());
    }
}
