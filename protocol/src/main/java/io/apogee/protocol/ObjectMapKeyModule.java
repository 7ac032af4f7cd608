package io.apogee.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import java.io.IOException;

/**
 * Map keys that are our own data classes (MessageQueue and the like) travel as a string holding the
 * key object's JSON, the form fastjson accepts; JDK types and enums keep Jackson's usual handling.
 */
final class ObjectMapKeyModule extends SimpleModule {
    ObjectMapKeyModule() {
        super("apogee-object-map-keys");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addKeySerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
                return isObjectKey(type) ? new ObjectKeySerializer() : null;
            }
        });
        context.addKeyDeserializers(new KeyDeserializers() {
            @Override
            public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
                return isObjectKey(type) ? new ObjectKeyDeserializer(type.getRawClass()) : null;
            }
        });
    }

    private static boolean isObjectKey(JavaType type) {
        Class<?> raw = type.getRawClass();
        return !raw.isPrimitive() && !raw.isEnum() && raw != Object.class
                && !raw.getName().startsWith("java.") && !raw.getName().startsWith("javax.");
    }

    private static final class ObjectKeySerializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object key, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(Json.toJson(key));
        }
    }

    private static final class ObjectKeyDeserializer extends KeyDeserializer {
        private final Class<?> type;

        ObjectKeyDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            return Json.parse(key, type);
        }
    }
}
