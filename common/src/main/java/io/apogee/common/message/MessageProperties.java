package io.apogee.common.message;

import java.util.HashMap;
import java.util.Map;

/** The properties string: {@code name \u0001 value \u0002} per pair (message.md §3). */
public final class MessageProperties {

    private MessageProperties() {
    }

    /** Null values are left out; an empty or null map gives the empty string. */
    public static String encode(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(properties.size() * 24);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getValue() != null) {
                sb.append(e.getKey()).append(MessageConst.NAME_VALUE_SEPARATOR)
                        .append(e.getValue()).append(MessageConst.PROPERTY_SEPARATOR);
            }
        }
        return sb.toString();
    }

    /**
     * Parses leniently as the official decoder does: a pair without a separator, with an empty
     * name or with an empty value is skipped; a later duplicate wins.
     */
    public static Map<String, String> decode(String properties) {
        Map<String, String> map = new HashMap<>();
        if (properties == null) {
            return map;
        }
        int len = properties.length();
        int start = 0;
        while (start < len) {
            int end = properties.indexOf(MessageConst.PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = len;
            }
            int sep = properties.indexOf(MessageConst.NAME_VALUE_SEPARATOR, start);
            if (sep > start && sep < end - 1) {
                map.put(properties.substring(start, sep), properties.substring(sep + 1, end));
            }
            start = end + 1;
        }
        return map;
    }

    /**
     * Finds one property's value without building the map; used on hot paths that need a single
     * key (tags, keys, unique id). Returns the last occurrence, matching {@link #decode}.
     */
    public static String find(String properties, String name) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        String found = null;
        int len = properties.length();
        int start = 0;
        while (start < len) {
            int end = properties.indexOf(MessageConst.PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = len;
            }
            int sep = start + name.length();
            if (sep < end - 1 && properties.charAt(sep) == MessageConst.NAME_VALUE_SEPARATOR
                    && properties.startsWith(name, start) && name.length() > 0) {
                found = properties.substring(sep + 1, end);
            }
            start = end + 1;
        }
        return found;
    }
}
