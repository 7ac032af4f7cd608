package io.apogee.broker.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a filter expression into tokens. Reserved words are case-insensitive; strings are quoted
 * with single quotes and a doubled quote stands for one; numbers are longs (optional L suffix) or
 * doubles; comments ({@code -- ...} and block comments) are skipped like whitespace.
 */
final class SqlLexer {
    static final Set<String> KEYWORDS = Set.of("NOT", "AND", "OR", "BETWEEN", "IN", "TRUE", "FALSE", "NULL", "IS",
            "CONTAINS", "STARTSWITH", "ENDSWITH");

    private final String text;
    private int pos;

    private SqlLexer(String text) {
        this.text = text;
    }

    static List<SqlToken> tokenize(String text) throws SqlParseException {
        SqlLexer lexer = new SqlLexer(text);
        List<SqlToken> tokens = new ArrayList<>();
        SqlToken token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != SqlToken.Kind.END);
        return tokens;
    }

    private SqlToken next() throws SqlParseException {
        skipBlanksAndComments();
        if (pos >= text.length()) {
            return new SqlToken(SqlToken.Kind.END, "", null, pos);
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return string();
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (isIdentifierStart(c)) {
            return word();
        }
        return symbol(c);
    }

    private void skipBlanksAndComments() throws SqlParseException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("--", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new SqlParseException(pos, "unterminated comment, expected '*/'");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private SqlToken string() throws SqlParseException {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new SqlParseException(start, "unterminated string literal, expected a closing '");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    return new SqlToken(SqlToken.Kind.STRING, text.substring(start, pos), value.toString(), start);
                }
            } else {
                value.append(c);
            }
        }
    }

    /** Longest match of an integer ("0" or a non-zero-led digit run, optional L) or a decimal/exponent form. */
    private SqlToken number() throws SqlParseException {
        int start = pos;
        int digits = scanDigits();
        boolean floating = false;
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            scanDigits();
            floating = true;
        }
        int beforeExponent = pos;
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (scanDigits() == 0) {
                pos = beforeExponent;
            } else {
                floating = true;
            }
        }
        if (floating) {
            String image = text.substring(start, pos);
            double value = Double.parseDouble(image);
            if (Double.isInfinite(value)) {
                throw new SqlParseException(start, "number " + image + " is out of the double range");
            }
            return new SqlToken(SqlToken.Kind.DOUBLE, image, value, start);
        }
        // An integer never has a leading zero: "007" is three tokens, as in RocketMQ's grammar.
        if (text.charAt(start) == '0' && digits > 1) {
            pos = start + 1;
        }
        String image = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == 'l' || text.charAt(pos) == 'L')) {
            pos++;
        }
        try {
            return new SqlToken(SqlToken.Kind.LONG, image, Long.parseLong(image), start);
        } catch (NumberFormatException e) {
            throw new SqlParseException(start, "integer " + image + " is out of the long range");
        }
    }

    private int scanDigits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private SqlToken word() {
        int start = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        String image = text.substring(start, pos);
        String upper = image.toUpperCase(Locale.ROOT);
        if (KEYWORDS.contains(upper)) {
            return new SqlToken(SqlToken.Kind.KEYWORD, upper, null, start);
        }
        return new SqlToken(SqlToken.Kind.IDENTIFIER, image, null, start);
    }

    private SqlToken symbol(char c) throws SqlParseException {
        int start = pos;
        String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
        if (two.equals("<>") || two.equals("<=") || two.equals(">=")) {
            pos += 2;
            return new SqlToken(SqlToken.Kind.SYMBOL, two, null, start);
        }
        if (two.equals("!=") || two.equals("==")) {
            throw new SqlParseException(start, "'" + two + "' is not an operator, use " + (two.equals("!=") ? "'<>'" : "'='"));
        }
        if ("=<>(),+-".indexOf(c) >= 0) {
            pos++;
            return new SqlToken(SqlToken.Kind.SYMBOL, String.valueOf(c), null, start);
        }
        throw new SqlParseException(start, "unexpected character '" + c + "'");
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
