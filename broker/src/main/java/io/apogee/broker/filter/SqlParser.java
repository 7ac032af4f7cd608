package io.apogee.broker.filter;

import io.apogee.broker.filter.SqlExpr.Op;
import io.apogee.broker.filter.SqlExpr.TextOp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for RocketMQ's SQL92 subset, precedence from loosest to tightest:
 * OR; AND; = &lt;&gt; IS [NOT] NULL; &lt; &lt;= &gt; &gt;= [NOT] BETWEEN [NOT] IN [NOT] CONTAINS/STARTSWITH/ENDSWITH;
 * unary + - NOT; literals, properties and parentheses. Note that NOT binds tighter than a
 * comparison, as in RocketMQ: {@code NOT a > 1} is rejected, {@code NOT (a > 1)} is meant.
 * Type rules RocketMQ enforces at compile time are enforced here too, with the same outcome.
 */
final class SqlParser {
    private final List<SqlToken> tokens;
    private int index;

    private SqlParser(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    static SqlExpr parse(String expression) throws SqlParseException {
        if (expression == null || expression.isBlank()) {
            throw new SqlParseException(0, "the expression is empty");
        }
        SqlParser parser = new SqlParser(SqlLexer.tokenize(expression));
        SqlToken first = parser.peek();
        SqlExpr root = parser.asBoolean(parser.or(), first);
        if (parser.peek().kind() != SqlToken.Kind.END) {
            throw parser.unexpected("an operator, AND, OR or the end of the expression");
        }
        return root;
    }

    private SqlExpr or() throws SqlParseException {
        SqlToken start = peek();
        SqlExpr left = and();
        while (peek().isKeyword("OR")) {
            SqlToken op = take();
            SqlExpr right = and();
            left = new SqlExpr.Or(asBoolean(left, start), asBoolean(right, op));
        }
        return left;
    }

    private SqlExpr and() throws SqlParseException {
        SqlToken start = peek();
        SqlExpr left = equality();
        while (peek().isKeyword("AND")) {
            SqlToken op = take();
            SqlExpr right = equality();
            left = new SqlExpr.And(asBoolean(left, start), asBoolean(right, op));
        }
        return left;
    }

    private SqlExpr equality() throws SqlParseException {
        SqlExpr left = comparison();
        while (true) {
            SqlToken t = peek();
            if (t.isSymbol("=") || t.isSymbol("<>")) {
                take();
                SqlExpr right = comparison();
                SqlExpr eq = equal(left, right, t);
                left = t.isSymbol("=") ? eq : new SqlExpr.Not(eq);
            } else if (t.isKeyword("IS")) {
                take();
                boolean not = accept("NOT");
                expectKeyword("NULL");
                SqlExpr isNull = new SqlExpr.Compare(Op.EQ, left, new SqlExpr.Literal(null));
                left = not ? new SqlExpr.Not(isNull) : isNull;
            } else {
                return left;
            }
        }
    }

    private SqlExpr comparison() throws SqlParseException {
        SqlExpr left = unary();
        while (true) {
            SqlToken t = peek();
            Op op = orderingOp(t);
            if (op != null) {
                take();
                SqlExpr right = unary();
                left = ordered(op, left, right, t);
                continue;
            }
            boolean not = t.isKeyword("NOT") && isComparisonKeyword(peek(1));
            SqlToken keyword = not ? peek(1) : t;
            if (!isComparisonKeyword(keyword)) {
                return left;
            }
            if (not) {
                take();
            }
            take();
            switch (keyword.text()) {
                case "BETWEEN" -> left = between(left, not, keyword);
                case "IN" -> left = in(left, not, keyword);
                default -> left = new SqlExpr.TextMatch(TextOp.valueOf(keyword.text()), left, string(), not);
            }
        }
    }

    private SqlExpr between(SqlExpr value, boolean not, SqlToken at) throws SqlParseException {
        SqlExpr low = unary();
        expectKeyword("AND");
        SqlExpr high = unary();
        if (low instanceof SqlExpr.Literal lo && high instanceof SqlExpr.Literal hi) {
            if (lo.value() == null || hi.value() == null) {
                throw new SqlParseException(at.position(), "BETWEEN bounds cannot be NULL");
            }
            if (lo.value() instanceof Number && hi.value() instanceof Number && SqlValues.compare(hi.value(), lo.value()) < 0) {
                throw new SqlParseException(at.position(), "BETWEEN needs low <= high, got " + lo.value() + " AND " + hi.value());
            }
        }
        if (not) {
            return new SqlExpr.Or(ordered(Op.LT, value, low, at), ordered(Op.GT, value, high, at));
        }
        return new SqlExpr.And(ordered(Op.GE, value, low, at), ordered(Op.LE, value, high, at));
    }

    private SqlExpr in(SqlExpr value, boolean not, SqlToken at) throws SqlParseException {
        if (!(value instanceof SqlExpr.Property property)) {
            throw new SqlParseException(at.position(), "IN needs a property on its left");
        }
        expectSymbol("(");
        Set<String> values = new HashSet<>();
        values.add(string());
        while (peek().isSymbol(",")) {
            take();
            values.add(string());
        }
        expectSymbol(")");
        return new SqlExpr.In(property, Set.copyOf(values), not);
    }

    private SqlExpr unary() throws SqlParseException {
        SqlToken t = peek();
        if (t.isSymbol("+")) {
            take();
            return unary();
        }
        if (t.isSymbol("-")) {
            take();
            return new SqlExpr.Negate(unary());
        }
        if (t.isKeyword("NOT")) {
            take();
            SqlToken operand = peek();
            return new SqlExpr.Not(asBoolean(unary(), operand));
        }
        return primary();
    }

    private SqlExpr primary() throws SqlParseException {
        SqlToken t = take();
        switch (t.kind()) {
            case STRING, LONG, DOUBLE:
                return new SqlExpr.Literal(t.value());
            case IDENTIFIER:
                return new SqlExpr.Property(t.text());
            case KEYWORD:
                switch (t.text()) {
                    case "TRUE":
                        return new SqlExpr.Literal(Boolean.TRUE);
                    case "FALSE":
                        return new SqlExpr.Literal(Boolean.FALSE);
                    case "NULL":
                        return new SqlExpr.Literal(null);
                    default:
                        break;
                }
                break;
            case SYMBOL:
                if (t.isSymbol("(")) {
                    SqlExpr inner = or();
                    expectSymbol(")");
                    return inner;
                }
                break;
            default:
                break;
        }
        index--;
        throw unexpected("a property, a literal or '('");
    }

    /** {@code =}: NULL is not comparable (IS NULL is), and TRUE/FALSE only equal booleans. */
    private static SqlExpr equal(SqlExpr left, SqlExpr right, SqlToken at) throws SqlParseException {
        for (SqlExpr side : List.of(left, right)) {
            if (side instanceof SqlExpr.Literal l && l.value() == null) {
                throw new SqlParseException(at.position(), "NULL cannot be compared with " + at.text() + ", use IS [NOT] NULL");
            }
        }
        if (left instanceof SqlExpr.Literal l && right instanceof SqlExpr.Literal r && l.isBoolean() && !r.isBoolean()) {
            throw new SqlParseException(at.position(), l.value() + " cannot be compared with " + r.value());
        }
        return new SqlExpr.Compare(Op.EQ, left, right);
    }

    /** {@code < <= > >=}: only numbers (or properties, whose strings convert) can be ordered. */
    private static SqlExpr ordered(Op op, SqlExpr left, SqlExpr right, SqlToken at) throws SqlParseException {
        for (SqlExpr side : List.of(left, right)) {
            boolean bad = side instanceof SqlExpr.Literal l ? !(l.value() instanceof Number) : side.isBoolean();
            if (bad) {
                throw new SqlParseException(at.position(), "'" + at.text() + "' compares numbers or properties only, not "
                        + describe(side));
            }
        }
        return new SqlExpr.Compare(op, left, right);
    }

    private static String describe(SqlExpr e) {
        if (e instanceof SqlExpr.Literal l) {
            return l.value() == null ? "NULL" : l.value() instanceof String s ? "the string '" + s + "'" : String.valueOf(l.value());
        }
        return "a condition";
    }

    private SqlExpr asBoolean(SqlExpr e, SqlToken at) throws SqlParseException {
        if (e instanceof SqlExpr.Property p) {
            return new SqlExpr.BooleanCast(p);
        }
        if (!e.isBoolean()) {
            throw new SqlParseException(at.position(), "expected a condition (comparison, IN, BETWEEN, IS NULL, ...) but "
                    + describe(e) + " is not one");
        }
        return e;
    }

    private static Op orderingOp(SqlToken t) {
        if (t.kind() != SqlToken.Kind.SYMBOL) {
            return null;
        }
        return switch (t.text()) {
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            case ">=" -> Op.GE;
            default -> null;
        };
    }

    private static boolean isComparisonKeyword(SqlToken t) {
        return t.kind() == SqlToken.Kind.KEYWORD && switch (t.text()) {
            case "BETWEEN", "IN", "CONTAINS", "STARTSWITH", "ENDSWITH" -> true;
            default -> false;
        };
    }

    private String string() throws SqlParseException {
        SqlToken t = take();
        if (t.kind() != SqlToken.Kind.STRING) {
            index--;
            throw unexpected("a quoted string such as 'abc'");
        }
        return (String) t.value();
    }

    private boolean accept(String keyword) {
        if (peek().isKeyword(keyword)) {
            take();
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword) throws SqlParseException {
        if (!accept(keyword)) {
            throw unexpected(keyword);
        }
    }

    private void expectSymbol(String symbol) throws SqlParseException {
        if (!peek().isSymbol(symbol)) {
            throw unexpected("'" + symbol + "'");
        }
        take();
    }

    private SqlParseException unexpected(String expected) {
        SqlToken t = peek();
        return new SqlParseException(t.position(), "expected " + expected + " but found " + t.describe());
    }

    private SqlToken peek() {
        return peek(0);
    }

    private SqlToken peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private SqlToken take() {
        SqlToken t = peek();
        index++;
        return t;
    }
}
