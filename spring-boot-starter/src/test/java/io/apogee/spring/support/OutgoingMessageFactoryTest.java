package io.apogee.spring.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apogee.common.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OutgoingMessageFactoryTest {
    record Item(String name, int count) {
    }

    private final PayloadCodec codec = new PayloadCodec(new ObjectMapper());
    private final OutgoingMessageFactory factory = new OutgoingMessageFactory(codec);

    @Test
    void destinationSplitsTopicAndTagAtTheFirstColon() {
        assertThat(Destination.parse("orders")).isEqualTo(new Destination("orders", null));
        assertThat(Destination.parse("orders:paid")).isEqualTo(new Destination("orders", "paid"));
        assertThat(Destination.parse("orders:a:b")).isEqualTo(new Destination("orders", "a:b"));
        assertThat(Destination.parse("orders:")).isEqualTo(new Destination("orders", null));
        assertThatThrownBy(() -> Destination.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsAndBytesGoAsTheyAreAndObjectsAsJson() {
        assertThat(codec.encode("héllo")).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        byte[] raw = {1, 2, 3};
        assertThat(codec.encode(raw)).isSameAs(raw);
        assertThat(new String(codec.encode(new Item("pen", 2)), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"pen\",\"count\":2}");
    }

    @Test
    void bodiesAreReadBackAsTheRequestedTypeGenericsIncluded() {
        byte[] json = "[{\"name\":\"pen\",\"count\":2}]".getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decode(json, ResolvableType.forClassWithGenerics(List.class, Item.class))).isEqualTo(List.of(new Item("pen", 2)));
        assertThat(codec.decode(json, ResolvableType.forClass(String.class))).isEqualTo("[{\"name\":\"pen\",\"count\":2}]");
        assertThat(codec.decode(json, ResolvableType.forClass(byte[].class))).isSameAs(json);
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8), ResolvableType.forClass(Item.class)))
                .isInstanceOf(MessageConversionException.class);
    }

    @Test
    void headersBecomeKeysFlagWaitStoreAndUserProperties() {
        Message message = factory.create("orders:paid", MessageBuilder.withPayload("body")
                .setHeader(ApogeeHeaders.KEYS, List.of("k1", "k2"))
                .setHeader(ApogeeHeaders.FLAG, "7")
                .setHeader(ApogeeHeaders.WAIT_STORE_MSG_OK, "false")
                .setHeader("region", "eu")
                .build());

        assertThat(message.getTopic()).isEqualTo("orders");
        assertThat(message.getTags()).isEqualTo("paid");
        assertThat(message.getKeys()).isEqualTo("k1 k2");
        assertThat(message.getFlag()).isEqualTo(7);
        assertThat(message.isWaitStoreMsgOK()).isFalse();
        assertThat(message.getUserProperty("region")).isEqualTo("eu");
        // Spring's per-message id and timestamp are not application properties.
        assertThat(message.getProperties()).doesNotContainKeys("id", "timestamp", ApogeeHeaders.KEYS + "x");
    }

    @Test
    void prefixedKeysAreAcceptedAndSystemNamesAreNeverUserProperties() {
        Message message = factory.create("orders", MessageBuilder.withPayload("body")
                .copyHeaders(Map.of(ApogeeHeaders.PREFIX + ApogeeHeaders.KEYS, "k9", "DELAY", "3", "rocketmq_TOPIC", "x"))
                .build());

        assertThat(message.getKeys()).isEqualTo("k9");
        assertThat(message.getTags()).isNull();
        assertThat(message.getDelayTimeLevel()).isZero();
        assertThat(message.getProperties()).doesNotContainKeys("rocketmq_TOPIC", "rocketmq_KEYS");
    }
}
