package io.apogee.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Compares the compiled filter with a small reference evaluator, written independently here over a
 * generated condition tree, on random property maps (numbers, words, missing values).
 */
class Sql92PropertiesTest {
    private static final List<String> NAMES = List.of("a", "b", "c");

    /** Reference: evaluates to TRUE, FALSE, null (unknown) or throws {@link Incomparable}. */
    sealed interface Cond {
        String sql();

        Boolean eval(Map<String, String> p);
    }

    static final class Incomparable extends RuntimeException {
    }

    record Cmp(String name, String op, long value) implements Cond {
        public String sql() {
            return name + " " + op + " " + value;
        }

        public Boolean eval(Map<String, String> p) {
            String v = p.get(name);
            if (v == null) {
                return null;
            }
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new Incomparable();
            }
            return switch (op) {
                case "=" -> n == value;
                case "<>" -> n != value;
                case "<" -> n < value;
                case "<=" -> n <= value;
                case ">" -> n > value;
                default -> n >= value;
            };
        }
    }

    /** String equality: never a number comparison, so '1' and '1.0' differ. */
    record StrEq(String name, boolean equal, String value) implements Cond {
        public String sql() {
            return name + (equal ? " = '" : " <> '") + value + "'";
        }

        public Boolean eval(Map<String, String> p) {
            String v = p.get(name);
            return v == null ? null : v.equals(value) == equal;
        }
    }

    record Between(String name, long low, long high, boolean not) implements Cond {
        public String sql() {
            return name + (not ? " NOT" : "") + " BETWEEN " + low + " AND " + high;
        }

        public Boolean eval(Map<String, String> p) {
            Boolean ge = new Cmp(name, ">=", low).eval(p);
            if (ge == null) {
                return null;
            }
            boolean in = ge && new Cmp(name, "<=", high).eval(p);
            return in != not;
        }
    }

    record In(String name, List<String> values, boolean not) implements Cond {
        public String sql() {
            return name + (not ? " NOT IN " : " IN ") + values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "(", ")"));
        }

        public Boolean eval(Map<String, String> p) {
            String v = p.get(name);
            return v == null ? null : values.contains(v) != not;
        }
    }

    record IsNull(String name, boolean not) implements Cond {
        public String sql() {
            return name + (not ? " IS NOT NULL" : " IS NULL");
        }

        public Boolean eval(Map<String, String> p) {
            return (p.get(name) == null) != not;
        }
    }

    record Not(Cond c) implements Cond {
        public String sql() {
            return "NOT (" + c.sql() + ")";
        }

        public Boolean eval(Map<String, String> p) {
            Boolean v = c.eval(p);
            return v == null ? null : !v;
        }
    }

    record Logic(Cond l, boolean and, Cond r) implements Cond {
        public String sql() {
            return "(" + l.sql() + (and ? ") AND (" : ") OR (") + r.sql() + ")";
        }

        public Boolean eval(Map<String, String> p) {
            Boolean lv = l.eval(p);
            if (lv != null && lv != and) {
                return lv;
            }
            Boolean rv = r.eval(p);
            if (rv != null && rv != and) {
                return rv;
            }
            return lv == null || rv == null ? null : and;
        }
    }

    @Provide
    Arbitrary<Cond> conditions() {
        return condition(3);
    }

    private Arbitrary<Cond> condition(int depth) {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<Long> number = Arbitraries.longs().between(-3, 3);
        Arbitrary<Cond> cmp = Combinators.combine(name, Arbitraries.of("=", "<>", "<", "<=", ">", ">="), number).as(Cmp::new);
        Arbitrary<Cond> between = Combinators.combine(name, number, Arbitraries.longs().between(0, 3), Arbitraries.of(true, false))
                .as((n, low, span, not) -> new Between(n, low, low + span, not));
        Arbitrary<Cond> in = Combinators.combine(name, Arbitraries.of("x", "y", "1", "-2").list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(true, false)).as(In::new);
        Arbitrary<Cond> isNull = Combinators.combine(name, Arbitraries.of(true, false)).as(IsNull::new);
        Arbitrary<Cond> strEq = Combinators.combine(name, Arbitraries.of(true, false), Arbitraries.of("x", "1", "1.0", " 2"))
                .as(StrEq::new);
        Arbitrary<Cond> leaf = Arbitraries.oneOf(cmp, between, in, isNull, strEq);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Cond> sub = condition(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, sub.map(Not::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(sub, Arbitraries.of(true, false), sub).as(Logic::new)));
    }

    @Provide
    Arbitrary<Map<String, String>> properties() {
        Arbitrary<String> value = Arbitraries.of("-3", "-2", "0", "1", "2", "3", "4", "x", "y", "1.0", " 2");
        return Arbitraries.maps(Arbitraries.of(NAMES), value).ofMaxSize(3).map(HashMap::new);
    }

    @Property(tries = 3000)
    void compiledFilterAgreesWithReference(@ForAll("conditions") Cond cond, @ForAll("properties") Map<String, String> props)
            throws SqlParseException {
        boolean expected;
        try {
            expected = Boolean.TRUE.equals(cond.eval(props));
        } catch (Incomparable e) {
            expected = false;
        }
        assertThat(Sql92Expression.compile(cond.sql()).matches(props)).as(cond.sql() + " over " + props).isEqualTo(expected);
    }

    @Property(tries = 500)
    void truncatedExpressionsAreRejectedWithAPosition(@ForAll("conditions") Cond cond, @ForAll("cut") double fraction) {
        String sql = cond.sql();
        String cut = sql.substring(0, (int) (sql.length() * fraction)).stripTrailing();
        if (cut.isEmpty() || !cut.endsWith("AND") && !cut.endsWith("OR") && !cut.endsWith("(") && !cut.endsWith("NOT")) {
            return;
        }
        try {
            Sql92Expression.compile(cut);
            throw new AssertionError("accepted " + cut);
        } catch (SqlParseException e) {
            assertThat(e.position()).isBetween(0, cut.length());
            assertThat(e.getMessage()).contains("expected");
        }
    }

    @Provide
    Arbitrary<Double> cut() {
        return Arbitraries.doubles().between(0.05, 0.95);
    }
}
