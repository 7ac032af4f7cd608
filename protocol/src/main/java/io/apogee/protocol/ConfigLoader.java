package io.apogee.protocol;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Maps Java properties onto plain config objects by setter name ({@code listenPort=9876} calls
 * {@code setListenPort(9876)}), the way RocketMQ's broker.conf / namesrv.conf are read, and renders
 * config objects back as properties text (GET_BROKER_CONFIG / GET_NAMESRV_CONFIG bodies). A key is
 * applied to every target that has the setter. A key no target has is ignored, as RocketMQ does, so an
 * operator's broker.conf with tuning keys Apogee has no use for still starts; it is returned to the
 * caller, with a spelling suggestion, so that a typo is logged rather than silently lost.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static Properties load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties props = new Properties();
            props.load(reader);
            return props;
        }
    }

    /** Parses properties text ({@code key=value} lines), e.g. an UPDATE_*_CONFIG body. */
    public static Properties parse(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed properties text: " + e.getMessage(), e);
        }
        return props;
    }

    /**
     * Applies every known property to the targets. Checks all values before changing anything, so a
     * bad value leaves the targets untouched; the exception lists every bad value.
     *
     * @return one line per ignored unknown key, e.g. {@code unknown configuration key 'lisenPort'
     *         (did you mean 'listenPort'?)}, for the caller to log
     */
    public static List<String> apply(Properties props, Object... targets) {
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Runnable> assignments = new ArrayList<>();
        for (String key : new TreeMap<>(toMap(props)).keySet()) {
            String raw = props.getProperty(key).trim();
            List<Method> setters = settersFor(key, targets);
            if (setters.isEmpty()) {
                unknown.add("unknown configuration key '" + key + "'" + suggestion(key, targets));
                continue;
            }
            for (Method setter : setters) {
                Object target = targetOf(setter, targets);
                try {
                    Object value = convert(raw, setter.getParameterTypes()[0]);
                    assignments.add(() -> invoke(setter, target, value));
                } catch (IllegalArgumentException e) {
                    problems.add("bad value for '" + key + "': " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        assignments.forEach(Runnable::run);
        return unknown;
    }

    /** Every readable and writable property of the sources, by name. */
    public static Properties toProperties(Object... sources) {
        Properties props = new Properties();
        for (Object source : sources) {
            for (Method getter : source.getClass().getMethods()) {
                String name = propertyOfGetter(getter);
                if (name != null && findSetter(source.getClass(), name, getter.getReturnType()) != null) {
                    try {
                        Object value = getter.invoke(source);
                        props.setProperty(name, value == null ? "" : value.toString());
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException("cannot read " + name + " of " + source.getClass().getSimpleName(), e);
                    }
                }
            }
        }
        return props;
    }

    /** Properties as {@code key=value} lines sorted by key, the text the official tools print and parse. */
    public static String toText(Properties props) {
        StringWriter out = new StringWriter();
        new TreeMap<>(toMap(props)).forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    private static Map<String, String> toMap(Properties props) {
        Map<String, String> map = new TreeMap<>();
        props.stringPropertyNames().forEach(key -> map.put(key, props.getProperty(key)));
        return map;
    }

    private static List<Method> settersFor(String key, Object[] targets) {
        List<Method> setters = new ArrayList<>();
        for (Object target : targets) {
            Method setter = findSetter(target.getClass(), key, null);
            if (setter != null) {
                setters.add(setter);
            }
        }
        return setters;
    }

    private static Object targetOf(Method setter, Object[] targets) {
        for (Object target : targets) {
            if (setter.getDeclaringClass().isInstance(target)) {
                return target;
            }
        }
        throw new IllegalStateException("no target for " + setter);
    }

    private static Method findSetter(Class<?> type, String property, Class<?> valueType) {
        String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())
                    && (valueType == null || method.getParameterTypes()[0] == valueType)) {
                return method;
            }
        }
        return null;
    }

    private static String propertyOfGetter(Method method) {
        if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        int prefix = name.startsWith("get") ? 3 : name.startsWith("is") && method.getReturnType() == boolean.class ? 2 : 0;
        if (prefix == 0 || name.length() == prefix) {
            return null;
        }
        return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
    }

    private static String suggestion(String key, Object[] targets) {
        for (Object target : targets) {
            for (Method method : target.getClass().getMethods()) {
                String property = propertyOfGetter(method);
                if (property != null && property.equalsIgnoreCase(key)) {
                    return " (did you mean '" + property + "'?)";
                }
            }
        }
        return "";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String raw, Class<?> type) {
        try {
            if (type == String.class) {
                return raw;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(raw);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(raw);
            }
            if (type == boolean.class || type == Boolean.class) {
                if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("'" + raw + "' is not true or false");
                }
                return Boolean.parseBoolean(raw);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(raw);
            }
            if (type == float.class || type == Float.class) {
                return Float.parseFloat(raw);
            }
            if (type == short.class || type == Short.class) {
                return Short.parseShort(raw);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) type, raw.toUpperCase(Locale.ROOT));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a valid " + type.getSimpleName());
        }
        throw new IllegalArgumentException("unsupported property type " + type.getSimpleName());
    }

    private static void invoke(Method setter, Object target, Object value) {
        try {
            setter.invoke(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + setter, e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(setter.getName() + " refused '" + value + "': " + e.getCause().getMessage(), e.getCause());
        }
    }
}
