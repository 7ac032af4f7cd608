package io.apogee.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class JsonTest {
    private static final TypeReference<Map<QueueKey, Long>> OFFSETS = new TypeReference<>() {
    };

    @Test
    void readsFastjsonObjectKeys() {
        String fastjson = "{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:100,"
                + " {\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"} : 200}";

        Map<QueueKey, Long> offsets = Json.parse(fastjson, OFFSETS);

        assertThat(offsets).containsOnly(
                Map.entry(new QueueKey("T", "b", 0), 100L),
                Map.entry(new QueueKey("T", "b", 1), 200L));
    }

    @Test
    void readsObjectKeysNestedInsideBodies() {
        String fastjson = "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":3,\"topic\":\"T{x}\"}:7},"
                + "\"list\":[{\"a\":1},{\"a\":2}],\"text\":\"{not a key}\"}";

        OffsetBody body = Json.parse(fastjson, OffsetBody.class);

        assertThat(body.offsetTable).containsOnly(Map.entry(new QueueKey("T{x}", "b", 3), 7L));
        assertThat(body.text).isEqualTo("{not a key}");
    }

    @Test
    void writesObjectKeysAsStringsThatReadBack() {
        Map<QueueKey, Long> offsets = new TreeMap<>(Map.of(new QueueKey("T", "b", 1), 5L, new QueueKey("T", "b", 0), 4L));

        String json = Json.toJson(offsets);

        assertThat(json).isEqualTo("{\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"T\\\"}\":4,"
                + "\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":1,\\\"topic\\\":\\\"T\\\"}\":5}");
        assertThat(Json.parse(json, OFFSETS)).isEqualTo(offsets);
    }

    @Test
    void findsObjectKeysBelowDeepNesting() {
        String deep = "[".repeat(40) + "{\"m\":{{\"brokerName\":\"b\",\"queueId\":2,\"topic\":\"T\"}:9}}" + "]".repeat(40);

        String quoted = new String(FastjsonObjectKeys.quote(deep.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(quoted).contains("{\"m\":{\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":2,\\\"topic\\\":\\\"T\\\"}\":9}}");
    }

    @Test
    void leavesJsonWithoutObjectKeysUntouched() {
        byte[] json = "{\"a\":[{\"b\":{}},{\"c\":\"{,{\"}],\"d\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThat(FastjsonObjectKeys.quote(json)).isSameAs(json);
    }

    @Test
    void readsUnquotedNumericKeysAndEnumOrdinalsAndLongStrings() {
        Map<Long, String> addrs = Json.parse("{0:\"127.0.0.1:10911\",1:\"127.0.0.1:10921\"}", new TypeReference<>() {
        });
        TopicConfig config = Json.parse("{\"topicName\":\"T\",\"topicFilterType\":1,\"perm\":\"4\",\"unknown\":{\"x\":[1]}}",
                TopicConfig.class);
        DataVersion version = Json.parse("{\"timestamp\":\"9007199254740993\",\"counter\":2}", DataVersion.class);

        assertThat(addrs).containsOnly(Map.entry(0L, "127.0.0.1:10911"), Map.entry(1L, "127.0.0.1:10921"));
        assertThat(config.getTopicFilterType()).isEqualTo(TopicFilterType.MULTI_TAG);
        assertThat(config.getPerm()).isEqualTo(4);
        assertThat(version.getTimestamp()).isEqualTo(9007199254740993L);
        assertThat(version.getCounter()).isEqualTo(2);
    }

    @Test
    void writesBeanNamesSortedWithoutNullsAndQuotedNumericKeys() {
        TopicConfig config = new TopicConfig("TopicTest", 4, 4, PermName.READ_WRITE);
        config.setOrder(true);

        assertThat(Json.toJson(config)).isEqualTo("{\"attributes\":{},\"order\":true,\"perm\":6,\"readQueueNums\":4,"
                + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TopicTest\",\"topicSysFlag\":0,\"writeQueueNums\":4}");
        assertThat(Json.toJson(Map.of(1L, "b", 0L, "a"))).isEqualTo("{\"0\":\"a\",\"1\":\"b\"}");
        assertThat(Json.toJson(new KVTable())).isEqualTo("{\"table\":{}}");
        assertThat(Json.toJson(new TopicList())).isEqualTo("{\"topicList\":[]}");
    }

    @Test
    void writesDataVersionAsFastjsonDoes() {
        assertThat(Json.toJson(new DataVersion(1700000000000L, 3)))
                .isEqualTo("{\"counter\":3,\"stateVersion\":0,\"timestamp\":1700000000000}");
    }

    @Test
    void malformedJsonNamesTheTarget() {
        assertThatThrownBy(() -> Json.parse("{\"perm\":", TopicConfig.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TopicConfig");
    }

    static final class OffsetBody {
        Map<QueueKey, Long> offsetTable;
        String text;
    }
}
