package io.apogee.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConsumeQueueTest {
    @TempDir
    Path dir;

    private ConsumeQueue open() throws Exception {
        ConsumeQueue cq = new ConsumeQueue("T", 0, new File(dir.toFile(), "T/0"), 10 * ConsumeQueue.UNIT_SIZE);
        cq.load();
        return cq;
    }

    @Test
    void entriesAcrossFilesAndIdempotentRedispatch() throws Exception {
        ConsumeQueue cq = open();
        for (int i = 0; i < 25; i++) {
            assertThat(cq.putMessagePositionInfo(i * 100L, 100, i, i)).isTrue();
        }
        assertThat(cq.putMessagePositionInfo(999, 1, 1, 3)).as("already present: skipped").isTrue();
        assertThat(cq.getMaxOffsetInQueue()).isEqualTo(25);
        assertThat(cq.entry(3)).containsExactly(300L, 100L, 3L);
        assertThat(cq.entry(24)).containsExactly(2400L, 100L, 24L);
        assertThat(cq.entry(25)).isNull();
        assertThat(cq.rollNextFile(13)).isEqualTo(20);
        assertThat(new File(dir.toFile(), "T/0").list()).hasSize(3);
        cq.shutdown();
    }

    @Test
    void recoveryFindsTheEndAndDropsEntriesBeyondTheCommitLog() throws Exception {
        ConsumeQueue cq = open();
        for (int i = 0; i < 15; i++) {
            cq.putMessagePositionInfo(i * 100L, 100, 0, i);
        }
        cq.shutdown();
        ConsumeQueue reopened = open();
        reopened.recover(1050);
        assertThat(reopened.getMaxOffsetInQueue()).as("entries at 1100.. dropped, 1000 kept").isEqualTo(11);
        assertThat(reopened.getMaxPhysicOffset()).isEqualTo(1100);
        reopened.shutdown();
    }

    @Test
    void aQueueStartingLateIsPaddedAndItsMinimumFollowsTheCommitLog() throws Exception {
        ConsumeQueue cq = open();
        cq.putMessagePositionInfo(5000, 50, 0, 12);
        assertThat(cq.getMinOffsetInQueue()).isEqualTo(12);
        assertThat(cq.getMaxOffsetInQueue()).isEqualTo(13);
        assertThat(cq.entry(12)).containsExactly(5000L, 50L, 0L);
        for (int i = 13; i < 35; i++) {
            cq.putMessagePositionInfo(5000 + (i - 12) * 50L, 50, 0, i);
        }
        // commit log now starts at 5000 + 10 * 50, queue offset 22: the file of offsets 10..19 goes
        assertThat(cq.deleteExpiredFiles(5500)).isEqualTo(1);
        assertThat(cq.getMinOffsetInQueue()).isEqualTo(22);
        assertThat(cq.deleteExpiredFiles(6100)).isEqualTo(1);
        assertThat(cq.getMinOffsetInQueue()).isEqualTo(34);
        cq.shutdown();
    }
}
