package io.apogee.broker.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class TimerLogTest {
    @TempDir
    Path dir;

    @Test
    void entriesChainAcrossSegmentsAndSurviveReopening() throws Exception {
        long head = TimerLog.NONE;
        try (TimerLog log = new TimerLog(dir, 10)) {
            for (int i = 0; i < 25; i++) {
                head = log.append(new TimerEntry(1_000 + i, i * 100L, 50), head);
            }
            assertThat(log.segmentCount()).isEqualTo(3);
        }
        try (TimerLog log = new TimerLog(dir, 10)) {
            assertThat(log.end()).isEqualTo(25L * TimerLog.ENTRY_SIZE);
            int count = 0;
            for (long p = head; p != TimerLog.NONE; p = log.read(p).previous()) {
                assertThat(log.read(p).entry().commitLogOffset()).isEqualTo((24 - count) * 100L);
                count++;
            }
            assertThat(count).isEqualTo(25);
        }
    }

    @Test
    void truncateAndDeleteWholeOldSegments() throws Exception {
        try (TimerLog log = new TimerLog(dir, 10)) {
            for (int i = 0; i < 25; i++) {
                log.append(new TimerEntry(i, i, 1), TimerLog.NONE);
            }
            log.truncate(20L * TimerLog.ENTRY_SIZE);
            assertThat(log.segmentCount()).isEqualTo(2);
            assertThat(log.append(new TimerEntry(99, 99, 1), TimerLog.NONE)).isEqualTo(20L * TimerLog.ENTRY_SIZE);
            log.deleteBefore(15L * TimerLog.ENTRY_SIZE);
            assertThat(log.segmentCount()).isEqualTo(2);
            log.deleteBefore(20L * TimerLog.ENTRY_SIZE);
            assertThat(log.segmentCount()).isEqualTo(1);
            assertThatThrownBy(() -> log.read(0)).isInstanceOf(IllegalStateException.class);
            assertThat(log.read(20L * TimerLog.ENTRY_SIZE).entry().dueMs()).isEqualTo(99);
        }
    }
}
