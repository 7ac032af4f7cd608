package io.apogee.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.store.AppendMessageResult;
import io.apogee.store.AppendMessageStatus;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.file.FlushableLog;
import io.apogee.store.file.MappedFile;
import io.apogee.store.file.MappedFileQueue;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.stats.StoreMetrics;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GroupCommitServiceTest {
    @TempDir
    Path dir;

    private static PutMessageResult ok(long offset) {
        return new PutMessageResult(PutMessageStatus.PUT_OK,
                new AppendMessageResult(AppendMessageStatus.PUT_OK, offset, 10, () -> "id", 1, 0, 1));
    }

    @Test
    void aPutNotFlushedInTimeCompletesWithFlushDiskTimeout() throws Exception {
        MappedFileQueue files = new MappedFileQueue(new File(dir.toFile(), "commitlog"), 4096, null);
        StoreCheckpoint checkpoint = new StoreCheckpoint(new File(dir.toFile(), "checkpoint"));
        // the flushing thread is never started, as if fsync hung: only the watchdog can answer
        GroupCommitService service = new GroupCommitService(files, checkpoint, () -> 0, new StoreMetrics(), 50);
        PutMessageResult result = service.submit(10, System.nanoTime(), 1, 10, ok(0)).get(5, TimeUnit.SECONDS);
        assertThat(result.getPutMessageStatus()).isEqualTo(PutMessageStatus.FLUSH_DISK_TIMEOUT);
        assertThat(result.getAppendMessageResult().getWroteOffset()).isZero();
        assertThat(result.getRemark()).contains("50 ms");
        service.shutdown();
        checkpoint.shutdown();
    }

    @Test
    void oneFlushCompletesEveryPutItCovers() throws Exception {
        MappedFileQueue files = new MappedFileQueue(new File(dir.toFile(), "commitlog"), 4096, null);
        MappedFile file = files.getLastFileForAppend(0);
        file.append(ByteBuffer.allocate(300), 0, 300);
        StoreCheckpoint checkpoint = new StoreCheckpoint(new File(dir.toFile(), "checkpoint"));
        StoreMetrics metrics = new StoreMetrics();
        GroupCommitService service = new GroupCommitService(files, checkpoint, () -> 42, metrics, 5000);
        var first = service.submit(100, System.nanoTime(), 1, 100, ok(0));
        var second = service.submit(300, System.nanoTime(), 2, 200, ok(100));
        service.start();
        assertThat(first.get(5, TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(files.getFlushedWhere()).isEqualTo(300);
        assertThat(metrics.putTimes()).isEqualTo(3);
        assertThat(checkpoint.getPhysicMsgTimestamp()).isEqualTo(42);
        service.shutdown();
        files.shutdown();
        checkpoint.shutdown();
    }

    @Test
    void aFailedForceFailsEveryPutWaitingOnItAndAcknowledgesNothingUnflushed() throws Exception {
        MappedFileQueue files = new MappedFileQueue(new File(dir.toFile(), "commitlog"), 4096, null);
        MappedFile file = files.getLastFileForAppend(0);
        StoreCheckpoint checkpoint = new StoreCheckpoint(new File(dir.toFile(), "checkpoint"));
        StoreMetrics metrics = new StoreMetrics();
        BreakableDisk disk = new BreakableDisk(files);
        AtomicLong lastStoreTimestamp = new AtomicLong(42);
        GroupCommitService service = new GroupCommitService(disk, checkpoint, lastStoreTimestamp::get, metrics, 5000);
        service.start();

        file.append(ByteBuffer.allocate(100), 0, 100);
        assertThat(service.submit(100, System.nanoTime(), 1, 100, ok(0)).get(5, TimeUnit.SECONDS).isOk()).isTrue();

        disk.broken = true;
        lastStoreTimestamp.set(43);
        file.append(ByteBuffer.allocate(200), 0, 200);
        var second = service.submit(200, System.nanoTime(), 1, 100, ok(100));
        var third = service.submit(300, System.nanoTime(), 1, 100, ok(200));
        for (var waiting : List.of(second, third)) {
            PutMessageResult result = waiting.get(5, TimeUnit.SECONDS);
            assertThat(result.getPutMessageStatus()).isEqualTo(PutMessageStatus.UNKNOWN_ERROR);
            assertThat(result.getRemark()).contains("flush failed").contains("EIO");
        }
        // nothing past the last good force counts as stored: not on disk, not in the stats, not in the checkpoint
        assertThat(files.getFlushedWhere()).isEqualTo(100);
        assertThat(metrics.putTimes()).isEqualTo(1);
        assertThat(checkpoint.getPhysicMsgTimestamp()).isEqualTo(42);

        disk.broken = false;
        file.append(ByteBuffer.allocate(50), 0, 50);
        assertThat(service.submit(350, System.nanoTime(), 1, 50, ok(300)).get(5, TimeUnit.SECONDS).isOk())
                .as("once the disk works again, later puts are acknowledged").isTrue();
        assertThat(files.getFlushedWhere()).isEqualTo(350);
        service.shutdown();
        files.shutdown();
        checkpoint.shutdown();
    }

    /** The real files, whose force fails with an I/O error while {@code broken} is set. */
    private static final class BreakableDisk implements FlushableLog {
        private final MappedFileQueue files;
        volatile boolean broken;

        BreakableDisk(MappedFileQueue files) {
            this.files = files;
        }

        @Override
        public boolean flush(int leastPages) {
            if (broken) {
                throw new UncheckedIOException(new IOException("EIO: input/output error (injected)"));
            }
            return files.flush(leastPages);
        }

        @Override
        public long getFlushedWhere() {
            return files.getFlushedWhere();
        }
    }
}
