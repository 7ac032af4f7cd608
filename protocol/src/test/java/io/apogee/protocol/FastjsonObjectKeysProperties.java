package io.apogee.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Object map keys in fastjson's form parse back to the same map, whatever characters the key fields hold. */
class FastjsonObjectKeysProperties {
    private static final TypeReference<Map<QueueKey, Long>> OFFSETS = new TypeReference<>() {
    };

    @Property(tries = 300)
    void fastjsonObjectKeyFormParsesBack(@ForAll("offsetTables") Map<QueueKey, Long> offsets) {
        String fastjson = offsets.entrySet().stream()
                .map(e -> Json.toJson(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{\"offsetTable\":{", "},\"tail\":[{\"x\":\"}{\"}]}"));

        Map<QueueKey, Long> parsed = Json.parse(fastjson, Wrapper.class).offsetTable;

        assertThat(parsed).isEqualTo(offsets);
    }

    @Property(tries = 300)
    void ourOutputIsNeverRewritten(@ForAll("offsetTables") Map<QueueKey, Long> offsets) {
        byte[] ours = Json.toBytes(Map.of("list", List.of(new Wrapper(offsets), new Wrapper(offsets))));

        assertThat(FastjsonObjectKeys.quote(ours)).isSameAs(ours);
        assertThat(Json.parse(Json.toBytes(offsets), OFFSETS)).isEqualTo(offsets);
    }

    @Provide
    Arbitrary<Map<QueueKey, Long>> offsetTables() {
        Arbitrary<String> names = Arbitraries.strings().withChars("ab{}[]\":,\\ 'é中\u0001").ofMinLength(1).ofMaxLength(12);
        Arbitrary<QueueKey> keys = Combinators.combine(names, names, Arbitraries.integers().between(0, 64)).as(QueueKey::new);
        return Arbitraries.maps(keys, Arbitraries.longs()).ofMaxSize(6);
    }

    static final class Wrapper {
        Map<QueueKey, Long> offsetTable;

        Wrapper() {
        }

        Wrapper(Map<QueueKey, Long> offsetTable) {
            this.offsetTable = new TreeMap<>(offsetTable);
        }
    }
}
