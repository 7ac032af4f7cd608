package io.apogee.store.cleanup;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.store.DefaultMessageStore;
import io.apogee.store.GetMessageResult;
import io.apogee.store.GetMessageStatus;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Disk-usage driven behaviour, with the measured usage injected. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiskSpaceTest {
    @TempDir
    Path dir;
    volatile double usedPercent = 10;
    DefaultMessageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private DefaultMessageStore open(MessageStoreConfig config) throws Exception {
        store = new DefaultMessageStore(config, path -> usedPercent);
        store.start();
        return store;
    }

    private void fill(int messages) throws Exception {
        for (int i = 0; i < messages; i++) {
            assertThat(store.putMessage(message("F", 0, new byte[1000])).get().isOk()).isTrue();
        }
        await().until(() -> store.dispatchBehindBytes() == 0);
    }

    @Test
    void fullDiskRefusesPutsUntilSpaceReturns() throws Exception {
        open(smallConfig(dir));
        fill(10);
        usedPercent = 95;
        await().atMost(Duration.ofSeconds(5)).until(() ->
                store.putMessage(message("F", 0, new byte[10])).get().getPutMessageStatus()
                        == PutMessageStatus.SERVICE_NOT_AVAILABLE);
        PutMessageResult refused = store.putMessage(message("F", 0, new byte[10])).get();
        assertThat(refused.getRemark()).contains("disk full").contains("95.0%");
        // reads still work
        GetMessageResult r = store.getMessage("g", "F", 0, 0, 1, 1 << 20, null);
        assertThat(r.getStatus()).isEqualTo(GetMessageStatus.FOUND);
        r.release();

        usedPercent = 50;
        await().atMost(Duration.ofSeconds(5)).until(() -> store.putMessage(message("F", 0, new byte[10])).get().isOk());
    }

    @Test
    void overTheForcibleRatioOldestFilesGoEvenIfNotExpired() throws Exception {
        open(smallConfig(dir));
        fill(3000); // about 3 MiB: several 1 MiB files
        int filesBefore = new File(dir.toFile(), "commitlog").list().length;
        assertThat(filesBefore).isGreaterThanOrEqualTo(3);
        usedPercent = 88;
        await().atMost(Duration.ofSeconds(10)).until(() -> new File(dir.toFile(), "commitlog").list().length == 1);
        usedPercent = 10;
        long min = store.getMinPhyOffset();
        assertThat(min).isPositive();
        await().until(() -> store.getMinOffsetInQueue("F", 0) > 0);
        GetMessageResult tooSmall = store.getMessage("g", "F", 0, 0, 1, 1 << 20, null);
        assertThat(tooSmall.getStatus()).isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
        assertThat(tooSmall.getNextBeginOffset()).isEqualTo(store.getMinOffsetInQueue("F", 0));
        GetMessageResult first = store.getMessage("g", "F", 0, tooSmall.getNextBeginOffset(), 1, 1 << 20, null);
        assertThat(first.getStatus()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(store.getCommitLogOffsetInQueue("F", 0, tooSmall.getNextBeginOffset())).isGreaterThanOrEqualTo(min);
        first.release();
        // consume-queue files wholly below the commit log start are gone too
        await().until(() -> new File(dir.toFile(), "consumequeue/F/0").list().length < 3);
    }

    @Test
    void expiredFilesAreDeletedWhenSpaceRunsShortButFreshOnesStay() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        config.setFileReservedTime(1);
        open(config);
        fill(3000);
        File commitLog = new File(dir.toFile(), "commitlog");
        File[] files = commitLog.listFiles();
        java.util.Arrays.sort(files);
        assertThat(files[0].setLastModified(System.currentTimeMillis() - 2 * 3_600_000L)).isTrue();
        usedPercent = 80; // over diskMaxUsedSpaceRatio 75, under the forcible 85
        await().atMost(Duration.ofSeconds(10)).until(() -> !files[0].exists());
        assertThat(files[1]).exists();
        assertThat(store.getMinPhyOffset()).isEqualTo(Long.parseLong(files[1].getName()));
    }
}
