package io.apogee.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.common.message.MessageDecoder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchBodyDecoderTest {

    @Test
    void decodesTheOfficialBatchEncoding() {
        org.apache.rocketmq.common.message.Message a = new org.apache.rocketmq.common.message.Message(
                "T", "tagA", "k1", "first".getBytes(StandardCharsets.UTF_8));
        a.setFlag(3);
        org.apache.rocketmq.common.message.Message b = new org.apache.rocketmq.common.message.Message(
                "T", "second".getBytes(StandardCharsets.UTF_8));
        byte[] body = MessageDecoder.encodeMessages(List.of(a, b));

        List<Message> decoded = BatchBodyDecoder.decode(body, "T");
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0).getFlag()).isEqualTo(3);
        assertThat(decoded.get(0).getBody()).isEqualTo(a.getBody());
        assertThat(decoded.get(0).getProperties()).isEqualTo(a.getProperties());
        assertThat(decoded.get(1).getBody()).isEqualTo(b.getBody());
        assertThat(decoded.get(1).getProperties()).isEqualTo(b.getProperties());
    }

    @Test
    void truncatedBatchIsRejected() {
        byte[] body = MessageDecoder.encodeMessages(List.of(new org.apache.rocketmq.common.message.Message(
                "T", "x".getBytes(StandardCharsets.UTF_8))));
        assertThatThrownBy(() -> BatchBodyDecoder.items(java.util.Arrays.copyOf(body, body.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
