package io.apogee.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class Sql92ExpressionTest {

    private static boolean eval(String sql, String... kv) throws SqlParseException {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            props.put(kv[i], kv[i + 1]);
        }
        return Sql92Expression.compile(sql).matches(props);
    }

    @Test
    void numericComparisonsConvertStringProperties() throws Exception {
        assertThat(eval("a > 5", "a", "10")).isTrue();
        assertThat(eval("a > 5", "a", "3")).isFalse();
        assertThat(eval("a >= 5 AND a <= 5", "a", "5")).isTrue();
        assertThat(eval("a = 5", "a", "5")).isTrue();
        assertThat(eval("a <> 5", "a", "6")).isTrue();
        assertThat(eval("a > 2.5", "a", "3")).isTrue();
        assertThat(eval("a < 2.5", "a", "2.4")).isTrue();
        assertThat(eval("a = 5", "a", "5.0")).as("an integer constant parses the property as an integer").isFalse();
        assertThat(eval("a > -3", "a", "-2")).isTrue();
        assertThat(eval("a > 1L", "a", "2")).isTrue();
        assertThat(eval("a < 1e3", "a", "999")).isTrue();
    }

    @Test
    void longAndDoubleConstantsCompareNumerically() throws Exception {
        assertThat(eval("3 > 2.5")).isTrue();
        assertThat(eval("2.0 = 2")).isTrue();
        assertThat(eval("a BETWEEN 1 AND 2.5", "a", "2")).isTrue();
    }

    @Test
    void missingPropertiesAreUnknownAndUnknownNeverMatches() throws Exception {
        assertThat(eval("a > 5")).isFalse();
        assertThat(eval("NOT (a > 5)")).isFalse();
        assertThat(eval("a = 'x'")).isFalse();
        assertThat(eval("a <> 'x'")).isFalse();
        assertThat(eval("a IN ('x')")).isFalse();
        assertThat(eval("a NOT IN ('x')")).isFalse();
        assertThat(eval("a > 5 OR TRUE")).isTrue();
        assertThat(eval("a > 5 AND FALSE")).isFalse();
        assertThat(eval("a IS NULL")).isTrue();
        assertThat(eval("a IS NOT NULL")).isFalse();
        assertThat(eval("a IS NOT NULL", "a", "")).isTrue();
    }

    @Test
    void stringsCompareForEqualityOnly() throws Exception {
        assertThat(eval("a = 'it''s'", "a", "it's")).isTrue();
        assertThat(eval("a <> 'x'", "a", "y")).isTrue();
        assertThat(eval("a IN ('x', 'y')", "a", "y")).isTrue();
        assertThat(eval("a NOT IN ('x', 'y')", "a", "z")).isTrue();
        assertThat(eval("a > 5", "a", "abc")).as("a string that is not a number cannot be ordered").isFalse();
        assertThat(eval("a > 5 OR b = 'x'", "a", "abc", "b", "x")).as("an evaluation error rejects the message").isFalse();
        assertThat(eval("b = 'x' OR a > 5", "a", "abc", "b", "x")).as("OR stops at the first TRUE").isTrue();
        assertThat(eval("a > b", "a", "10", "b", "9")).as("two properties compare as numbers").isTrue();
    }

    @Test
    void booleansAndTextOperators() throws Exception {
        assertThat(eval("TRUE")).isTrue();
        assertThat(eval("FALSE")).isFalse();
        assertThat(eval("flag = TRUE", "flag", "true")).isTrue();
        assertThat(eval("flag = FALSE", "flag", "true")).isFalse();
        assertThat(eval("flag", "flag", "true")).as("a string property is never a boolean").isFalse();
        assertThat(eval("a CONTAINS 'bc'", "a", "abcd")).isTrue();
        assertThat(eval("a NOT CONTAINS 'bc'", "a", "abcd")).isFalse();
        assertThat(eval("a NOT CONTAINS 'x'")).as("missing is false either way").isFalse();
        assertThat(eval("a STARTSWITH 'ab' AND a ENDSWITH 'cd'", "a", "abcd")).isTrue();
    }

    @Test
    void keywordsAreCaseInsensitiveAndCommentsSkipped() throws Exception {
        assertThat(eval("a between 1 and 3 /* range */ or b is null -- tail", "a", "9")).isTrue();
        assertThat(eval("TAGS in ('TagA') and not (x > 1)", "TAGS", "TagA", "x", "0")).isTrue();
    }

    @Test
    void notBetween() throws Exception {
        assertThat(eval("a NOT BETWEEN 1 AND 3", "a", "4")).isTrue();
        assertThat(eval("a NOT BETWEEN 1 AND 3", "a", "2")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                         | 0  | empty",
        "a >                        | 3  | expected a property, a literal or '(' but found end of expression",
        "a = 'x                     | 4  | unterminated string",
        "a != 1                     | 2  | use '<>'",
        "a > 'x'                    | 2  | compares numbers or properties only",
        "a = NULL                   | 2  | use IS [NOT] NULL",
        "a BETWEEN 3 AND 1          | 2  | low <= high",
        "a IN (1, 2)                | 6  | a quoted string",
        "5                          | 0  | expected a condition",
        "(a > 1                     | 6  | expected ')'",
        "a > 1 b                    | 6  | expected an operator",
        "NOT a > 1                  | 6  | compares numbers or properties only",
        "a # 1                      | 2  | unexpected character '#'",
        "'x' IN ('x')               | 4  | IN needs a property",
        "a > 99999999999999999999   | 4  | out of the long range",
        "TRUE = 'x'                 | 5  | cannot be compared",
    })
    void malformedExpressionsSayWhereAndWhy(String sql, int position, String reason) {
        assertThatThrownBy(() -> Sql92Expression.compile(sql))
                .isInstanceOf(SqlParseException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((SqlParseException) e).position()).isEqualTo(position));
    }

    @Test
    void cacheCompilesOncePerSubscriptionAndRemembersFailures() throws Exception {
        Sql92ExpressionCache cache = new Sql92ExpressionCache();
        Sql92Expression first = cache.get("g", "t", "a > 1");
        assertThat(cache.get("g", "t", "a > 1")).isSameAs(first);
        assertThat(cache.get("g2", "t", "a > 1")).isNotSameAs(first);
        assertThatThrownBy(() -> cache.get("g", "t", "a >")).isInstanceOf(SqlParseException.class);
        assertThatThrownBy(() -> cache.get("g", "t", "a >")).isInstanceOf(SqlParseException.class);
        assertThat(cache.size()).isEqualTo(3);
    }
}
