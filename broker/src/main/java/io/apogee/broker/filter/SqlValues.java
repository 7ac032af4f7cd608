package io.apogee.broker.filter;

/**
 * How two values of a filter expression compare. Message properties are strings, so a string
 * meeting a number or boolean is converted to that type first (a string that does not parse makes
 * the comparison fail, which the filter treats as "no match"); a long meeting a double compares as
 * doubles; other mixed types compare as "less" (never equal). These are RocketMQ's rules.
 */
final class SqlValues {

    /** Thrown while evaluating when two values cannot be compared; the message simply does not match. */
    static final class IncomparableException extends RuntimeException {
        IncomparableException(String message) {
            super(message, null, false, false);
        }
    }

    private SqlValues() {
    }

    /** Equality; {@code null} when the left side is missing and the right is not (unknown). */
    static Boolean equal(Object lv, Object rv) {
        if (lv == null || rv == null) {
            if (lv == null && rv == null) {
                return Boolean.TRUE;
            }
            return lv == null ? null : Boolean.FALSE;
        }
        if (lv.equals(rv)) {
            return Boolean.TRUE;
        }
        return compare(lv, rv) == 0;
    }

    /**
     * Ordering for {@code < <= > >=}: two strings only compare as numbers; otherwise as {@link #compare}.
     */
    static int order(Object lv, Object rv) {
        if (lv instanceof String ls && rv instanceof String rs) {
            return Double.compare(toDouble(ls), toDouble(rs));
        }
        return compare(lv, rv);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object lv, Object rv) {
        if (lv.getClass() == rv.getClass()) {
            return ((Comparable) lv).compareTo(rv);
        }
        if (lv instanceof String s) {
            return compare(convert(s, rv), rv);
        }
        if (rv instanceof String s) {
            return compare(lv, convert(s, lv));
        }
        if (lv instanceof Number ln && rv instanceof Number rn) {
            return Double.compare(ln.doubleValue(), rn.doubleValue());
        }
        return -1;
    }

    /** The string as a value of {@code like}'s type. */
    private static Object convert(String s, Object like) {
        if (like instanceof Long) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IncomparableException("'" + s + "' is not an integer");
            }
        }
        if (like instanceof Double) {
            return toDouble(s);
        }
        if (like instanceof Boolean) {
            return Boolean.valueOf(s);
        }
        return s;
    }

    private static double toDouble(String s) {
        try {
            // Like RocketMQ's Double.valueOf, surrounding whitespace is allowed here but not for integers.
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IncomparableException("strings compare with < <= > >= only as numbers: '" + s + "'");
        }
    }
}
