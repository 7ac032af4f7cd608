package io.apogee.broker.filter;

import java.util.Map;

/** A compiled SQL92 filter: decides whether a message, given its properties, is selected. */
public final class Sql92Expression {
    private final String text;
    private final SqlExpr root;

    private Sql92Expression(String text, SqlExpr root) {
        this.text = text;
        this.root = root;
    }

    /** Compiles {@code text} or says where and why it is malformed. */
    public static Sql92Expression compile(String text) throws SqlParseException {
        return new Sql92Expression(text, SqlParser.parse(text));
    }

    /**
     * True only when the expression evaluates to TRUE; unknown (missing properties) and values that
     * cannot be compared (e.g. {@code 'abc'} against a number) select nothing.
     */
    public boolean matches(Map<String, String> properties) {
        try {
            return Boolean.TRUE.equals(root.evaluate(properties));
        } catch (SqlValues.IncomparableException e) {
            return false;
        }
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
