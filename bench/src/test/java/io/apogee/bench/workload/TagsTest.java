package io.apogee.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void tagsTakeTurnsAndTheExpressionNamesThemAll() {
        assertThat(Tags.of(0)).isEqualTo("tag0");
        assertThat(Tags.of(Tags.COUNT + 3)).isEqualTo("tag3");
        assertThat(Tags.allExpression()).isEqualTo("tag0 || tag1 || tag2 || tag3 || tag4 || tag5 || tag6 || tag7");
    }
}
