package io.apogee.spring.support;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.converter.MessageConversionException;

/**
 * Turns payloads into message bodies and back: a {@code String} is its UTF-8 bytes, a {@code byte[]}
 * is itself, anything else is JSON written and read by Jackson. Declare a bean of this type to
 * change how payloads are written.
 */
public class PayloadCodec {
    private final ObjectMapper objectMapper;

    /** Uses {@code objectMapper} for every payload that is neither a String nor a byte array. */
    public PayloadCodec(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The body for {@code payload}. */
    public byte[] encode(Object payload) {
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return objectMapper.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new MessageConversionException("cannot write " + payload.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** The body read as {@code type} (generic types such as {@code List<Order>} included). */
    public Object decode(byte[] body, ResolvableType type) {
        Class<?> raw = type.toClass();
        if (raw == byte[].class) {
            return body;
        }
        if (raw == String.class) {
            return new String(body, StandardCharsets.UTF_8);
        }
        JavaType javaType = toJavaType(type);
        try {
            return objectMapper.readValue(body, javaType);
        } catch (IOException e) {
            throw new MessageConversionException("cannot read the body as " + javaType + ": " + e.getMessage(), e);
        }
    }

    /**
     * Jackson's form of {@code type}, with type variables replaced by what they are bound to (a
     * listener declared as {@code Base<Order>} reads Orders, where the raw reflective type says {@code T}).
     */
    private JavaType toJavaType(ResolvableType type) {
        TypeFactory types = objectMapper.getTypeFactory();
        if (type.isArray()) {
            return types.constructArrayType(toJavaType(type.getComponentType()));
        }
        if (!type.hasGenerics()) {
            return types.constructType(type.toClass());
        }
        JavaType[] parameters = Arrays.stream(type.getGenerics()).map(this::toJavaType).toArray(JavaType[]::new);
        return types.constructParametricType(type.toClass(), parameters);
    }
}
