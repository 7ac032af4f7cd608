package io.apogee.broker.filter;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiled SQL92 expressions per (group, topic, expression), so a pull compiles nothing once the
 * subscription was seen. Failures are remembered too: a consumer pulling in a loop with a broken
 * expression costs one map lookup per pull. The table is bounded by dropping everything when full;
 * live subscriptions simply compile again.
 */
public final class Sql92ExpressionCache {
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String group, String topic, String expression) {
    }

    /** Either the compiled expression or the reason it does not compile. */
    private record Compiled(Sql92Expression expression, SqlParseException error) {
    }

    private final ConcurrentMap<Key, Compiled> table = new ConcurrentHashMap<>();

    public Sql92Expression get(String group, String topic, String expression) throws SqlParseException {
        Key key = new Key(group, topic, expression);
        Compiled compiled = table.get(key);
        if (compiled == null) {
            if (table.size() >= MAX_ENTRIES) {
                table.clear();
            }
            compiled = table.computeIfAbsent(key, k -> compile(k.expression()));
        }
        if (compiled.error() != null) {
            throw compiled.error();
        }
        return compiled.expression();
    }

    private static Compiled compile(String expression) {
        try {
            return new Compiled(Sql92Expression.compile(expression), null);
        } catch (SqlParseException e) {
            return new Compiled(null, e);
        }
    }

    int size() {
        return table.size();
    }
}
