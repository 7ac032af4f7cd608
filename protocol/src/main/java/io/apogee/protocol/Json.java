package io.apogee.protocol;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapper for protocol bodies and persisted files, tuned to fastjson on both sides of the wire.
 *
 * <p>Reading accepts what fastjson writes: unquoted numeric map keys ({@code {0:"addr"}}), object-valued
 * map keys ({@code {{"brokerName":"b",...}:100}}, rewritten by {@link FastjsonObjectKeys} before
 * parsing), enums by name or ordinal, longs sent as strings, and unknown properties.
 *
 * <p>Writing produces what fastjson reads: fields are the properties (so a field named {@code order}
 * is written as "order" whatever its getters are called, and helper getters never leak), nulls are
 * omitted, properties and map entries are sorted, numeric map keys are quoted, and object map keys are
 * written as a string holding the key's JSON. Classes used as map keys must be {@link Comparable}
 * because map entries are sorted.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new ObjectMapKeyModule())
            .build();

    private Json() {
    }

    /** The shared, fully configured mapper, for callers that need readers/writers or tree access. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Parses UTF-8 JSON; fails with {@link IllegalArgumentException} naming the target type. */
    public static <T> T parse(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(FastjsonObjectKeys.quote(json), type);
        } catch (IOException e) {
            throw malformed(type.getName(), e);
        }
    }

    public static <T> T parse(byte[] json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(FastjsonObjectKeys.quote(json), type);
        } catch (IOException e) {
            throw malformed(type.getType().getTypeName(), e);
        }
    }

    public static <T> T parse(String json, Class<T> type) {
        return parse(json.getBytes(StandardCharsets.UTF_8), type);
    }

    public static <T> T parse(String json, TypeReference<T> type) {
        return parse(json.getBytes(StandardCharsets.UTF_8), type);
    }

    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(FastjsonObjectKeys.quote(json));
        } catch (IOException e) {
            throw malformed("a JSON tree", e);
        }
    }

    private static IllegalArgumentException malformed(String target, IOException e) {
        String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new IllegalArgumentException("malformed JSON for " + target + ": " + detail, e);
    }
}
