package io.apogee.broker.filter;

import java.util.Map;
import java.util.Set;

/**
 * A compiled node of a filter expression, evaluated over a message's properties with SQL's three
 * values: {@code Boolean.TRUE}, {@code Boolean.FALSE} and {@code null} (unknown, e.g. a comparison
 * with a missing property). Only TRUE at the top selects a message.
 */
sealed interface SqlExpr {

    Object evaluate(Map<String, String> properties);

    /** Whether the node yields a boolean (may be combined with AND/OR/NOT but not compared with < or >). */
    default boolean isBoolean() {
        return true;
    }

    record Literal(Object value) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            return value;
        }

        @Override
        public boolean isBoolean() {
            return value == null || value instanceof Boolean;
        }
    }

    record Property(String name) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            return properties.get(name);
        }

        @Override
        public boolean isBoolean() {
            return false;
        }
    }

    /** A property used as a condition on its own: true only if it holds a boolean, which string properties never do. */
    record BooleanCast(Property property) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            Object v = property.evaluate(properties);
            return v == null ? null : v instanceof Boolean b ? b : Boolean.FALSE;
        }
    }

    record Negate(SqlExpr operand) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            Object v = operand.evaluate(properties);
            if (v instanceof Long l) {
                return -l;
            }
            return v instanceof Double d ? -d : null;
        }

        @Override
        public boolean isBoolean() {
            return false;
        }
    }

    record Not(SqlExpr operand) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            Object v = operand.evaluate(properties);
            return v == null ? null : !(Boolean) v;
        }
    }

    record And(SqlExpr left, SqlExpr right) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            Object l = left.evaluate(properties);
            if (Boolean.FALSE.equals(l)) {
                return Boolean.FALSE;
            }
            Object r = right.evaluate(properties);
            if (Boolean.FALSE.equals(r)) {
                return Boolean.FALSE;
            }
            return l == null || r == null ? null : Boolean.TRUE;
        }
    }

    record Or(SqlExpr left, SqlExpr right) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            Object l = left.evaluate(properties);
            if (Boolean.TRUE.equals(l)) {
                return Boolean.TRUE;
            }
            Object r = right.evaluate(properties);
            if (Boolean.TRUE.equals(r)) {
                return Boolean.TRUE;
            }
            return l == null || r == null ? null : Boolean.FALSE;
        }
    }

    enum Op { EQ, LT, LE, GT, GE }

    record Compare(Op op, SqlExpr left, SqlExpr right) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            Object l = left.evaluate(properties);
            Object r = right.evaluate(properties);
            if (op == Op.EQ) {
                return SqlValues.equal(l, r);
            }
            if (l == null || r == null) {
                return null;
            }
            int c = SqlValues.order(l, r);
            return switch (op) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case EQ -> throw new IllegalStateException();
            };
        }
    }

    record In(Property property, Set<String> values, boolean negated) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            Object v = property.evaluate(properties);
            if (!(v instanceof String s)) {
                return null;
            }
            return values.contains(s) != negated;
        }
    }

    enum TextOp { CONTAINS, STARTSWITH, ENDSWITH }

    /** CONTAINS / STARTSWITH / ENDSWITH and their NOT forms: false for a missing property or an empty search, either way. */
    record TextMatch(TextOp op, SqlExpr operand, String search, boolean negated) implements SqlExpr {
        @Override
        public Object evaluate(Map<String, String> properties) {
            Object v = operand.evaluate(properties);
            if (search.isEmpty() || !(v instanceof String s)) {
                return Boolean.FALSE;
            }
            boolean hit = switch (op) {
                case CONTAINS -> s.contains(search);
                case STARTSWITH -> s.startsWith(search);
                case ENDSWITH -> s.endsWith(search);
            };
            return hit != negated;
        }
    }
}
