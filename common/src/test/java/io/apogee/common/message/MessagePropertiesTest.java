package io.apogee.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.rocketmq.common.message.MessageDecoder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessagePropertiesTest {

    @Test
    void everyPairEndsWithTheSeparator() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("KEYS", "a b");
        map.put("TAGS", "t");
        map.put("NULL", null);
        assertThat(MessageProperties.encode(map)).isEqualTo("KEYS\u0001a b\u0002TAGS\u0001t\u0002");
        assertThat(MessageProperties.encode(Map.of())).isEmpty();
    }

    @Test
    void parsingSkipsMalformedPairsLikeTheOfficialDecoder() {
        String s = "A\u0001x\u0002\u0001y\u0002B\u0001\u0002C\u0002D\u00011\u0002A\u0001z";
        assertThat(MessageProperties.decode(s)).isEqualTo(MessageDecoder.string2messageProperties(s))
                .containsOnlyKeys("A", "D").containsEntry("A", "z");
        assertThat(MessageProperties.find(s, "A")).isEqualTo("z");
        assertThat(MessageProperties.find(s, "B")).isNull();
        assertThat(MessageProperties.find(s, "D")).isEqualTo("1");
    }

    @Property(tries = 300)
    void roundTrip(@ForAll @Size(max = 8) Map<@StringLength(min = 1, max = 12) @CharRange(from = 'a', to = 'z') String,
            @StringLength(min = 1, max = 30) @CharRange(from = ' ', to = '~') String> map) {
        String encoded = MessageProperties.encode(map);
        assertThat(MessageProperties.decode(encoded)).isEqualTo(map);
        assertThat(MessageDecoder.string2messageProperties(encoded)).isEqualTo(map);
        map.forEach((k, v) -> assertThat(MessageProperties.find(encoded, k)).isEqualTo(v));
    }
}
