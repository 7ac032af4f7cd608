package io.apogee.protocol;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** Builds a number-to-name table from a class of int constants, so logs can say SEND_MESSAGE_V2 instead of 310. */
final class CodeNames {
    private CodeNames() {
    }

    static Map<Integer, String> of(Class<?> constants) {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : constants.getDeclaredFields()) {
            int mods = field.getModifiers();
            if (Modifier.isStatic(mods) && Modifier.isPublic(mods) && field.getType() == int.class) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
