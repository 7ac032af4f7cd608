package io.apogee.remoting.header;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps custom header objects to and from extFields the way RocketMQ does: the key is the Java field
 * name (inherited fields included), the value its decimal / "true" / enum-name string; null fields
 * are omitted. Field metadata is computed once per class.
 */
public final class CustomHeaderCodec {
    private static final Map<Class<?>, HeaderShape> SHAPES = new ConcurrentHashMap<>();

    private CustomHeaderCodec() {
    }

    public static void encode(CommandCustomHeader header, Map<String, String> target) {
        for (Field field : shapeOf(header.getClass()).fields) {
            Object value;
            try {
                value = field.get(header);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read header field " + field.getName(), e);
            }
            if (value != null) {
                target.put(field.getName(), value instanceof Enum<?> e ? e.name() : value.toString());
            }
        }
    }

    public static <T extends CommandCustomHeader> T decode(Map<String, String> source, Class<T> type)
            throws RemotingCommandException {
        HeaderShape shape = shapeOf(type);
        T header;
        try {
            header = type.cast(shape.constructor.newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate header " + type.getName(), e);
        }
        for (Field field : shape.fields) {
            String raw = source == null ? null : source.get(field.getName());
            if (raw == null) {
                if (field.isAnnotationPresent(Required.class)) {
                    throw new RemotingCommandException("the custom field <" + field.getName() + "> is null");
                }
                continue;
            }
            try {
                field.set(header, parse(field.getType(), raw));
            } catch (IllegalArgumentException e) {
                throw new RemotingCommandException("the custom field <" + field.getName() + "> has a bad value: " + raw, e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot write header field " + field.getName(), e);
            }
        }
        header.validate();
        return header;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> type, String raw) {
        if (type == String.class) {
            return raw;
        }
        if (type == Integer.class || type == int.class) {
            return Integer.parseInt(raw.trim());
        }
        if (type == Long.class || type == long.class) {
            return Long.parseLong(raw.trim());
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.parseBoolean(raw.trim());
        }
        if (type == Short.class || type == short.class) {
            return Short.parseShort(raw.trim());
        }
        if (type == Byte.class || type == byte.class) {
            return Byte.parseByte(raw.trim());
        }
        if (type == Double.class || type == double.class) {
            return Double.parseDouble(raw.trim());
        }
        if (type == Float.class || type == float.class) {
            return Float.parseFloat(raw.trim());
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, raw.trim());
        }
        throw new IllegalArgumentException("unsupported header field type " + type.getName());
    }

    private static HeaderShape shapeOf(Class<?> type) {
        return SHAPES.computeIfAbsent(type, HeaderShape::of);
    }

    private record HeaderShape(Constructor<?> constructor, List<Field> fields) {
        static HeaderShape of(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int mods = field.getModifiers();
                    if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || field.isSynthetic()) {
                        continue;
                    }
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                return new HeaderShape(constructor, List.copyOf(fields));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " needs a no-argument constructor", e);
            }
        }
    }
}
