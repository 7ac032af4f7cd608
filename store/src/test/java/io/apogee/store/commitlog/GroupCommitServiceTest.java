package io.apogee.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.store.AppendMessageResult;
import io.apogee.store.AppendMessageStatus;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.file.MappedFile;
import io.apogee.store.file.MappedFileQueue;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.stats.StoreMetrics;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
}
