package io.apogee.store.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FlushMarksTest {
    @Test
    void theNewestMarkAtOrBelowTheDurableOffsetGivesTheTime() {
        FlushMarks marks = new FlushMarks();
        marks.mark(100, 10);
        marks.mark(200, 20);
        marks.mark(300, 30);
        assertThat(marks.durableUpTo(99)).as("nothing covered yet").isZero();
        assertThat(marks.durableUpTo(250)).isEqualTo(20);
        assertThat(marks.durableUpTo(250)).as("covered marks are consumed").isZero();
        assertThat(marks.durableUpTo(Long.MAX_VALUE)).isEqualTo(30);
    }

    @Test
    void aMarkWithoutNewRecordsOnlyRaisesTheTime() {
        FlushMarks marks = new FlushMarks();
        marks.mark(100, 0);
        assertThat(marks.durableUpTo(100)).as("no record stored yet").isZero();
        marks.mark(100, 10);
        marks.mark(100, 12);
        assertThat(marks.durableUpTo(100)).isEqualTo(12);
    }

    @Test
    void whenFlushesStallTheOldestMarksAreDropped() {
        FlushMarks marks = new FlushMarks();
        for (int i = 1; i <= 1000; i++) {
            marks.mark(i * 100L, i);
        }
        assertThat(marks.durableUpTo(100)).as("an old mark was dropped: later flushes must catch up").isZero();
        assertThat(marks.durableUpTo(100_000)).isEqualTo(1000);
    }
}
