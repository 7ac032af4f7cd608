package io.apogee.broker.filter;

/** One lexical token of a SQL92 filter expression; {@code position} is its first character's index. */
record SqlToken(Kind kind, String text, Object value, int position) {

    enum Kind {
        /** A property name. */
        IDENTIFIER,
        /** A reserved word (upper-cased in {@code text}). */
        KEYWORD,
        STRING,
        LONG,
        DOUBLE,
        /** One of = <> < <= > >= ( ) , + - */
        SYMBOL,
        END
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isKeyword(String word) {
        return is(Kind.KEYWORD, word);
    }

    boolean isSymbol(String symbol) {
        return is(Kind.SYMBOL, symbol);
    }

    String describe() {
        return switch (kind) {
            case END -> "end of expression";
            case STRING -> "string '" + value + "'";
            default -> "'" + text + "'";
        };
    }
}
