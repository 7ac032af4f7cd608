package io.apogee.store.recovery;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.store.AppendMessageResult;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckpointRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void checkpointSurvivesRestartsAndStartsCrashRecoveryAtAFileOlderThanIt() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        for (int i = 0; i < 2000; i++) {
            store.putMessage(message("C", 0, new byte[2000])).get();
        }
        store.shutdown();

        StoreCheckpoint checkpoint = new StoreCheckpoint(new File(config.getStoreCheckpoint()));
        assertThat(checkpoint.getPhysicMsgTimestamp()).isPositive();
        assertThat(checkpoint.getLogicsMsgTimestamp()).isPositive();
        assertThat(checkpoint.getIndexMsgTimestamp()).isPositive();
        // pretend only the first two files were known durable: recovery must start at or before them
        long firstFileEnd = config.getMappedFileSizeCommitLog();
        DefaultMessageStore probe = new DefaultMessageStore(config);
        probe.start();
        long secondFileTime = probe.getMessageStoreTimeStamp("C", 0, 0) + 1;
        probe.shutdown();
        checkpoint.setPhysicMsgTimestamp(secondFileTime + 3000);
        checkpoint.setLogicsMsgTimestamp(Long.MAX_VALUE);
        checkpoint.setIndexMsgTimestamp(Long.MAX_VALUE);
        checkpoint.shutdown();
        Files.write(Path.of(config.getAbortFile()), new byte[0]);

        DefaultMessageStore recovered = new DefaultMessageStore(config);
        recovered.start();
        try {
            RecoveryProcedure.Outcome outcome = recovered.getRecoveryOutcome();
            assertThat(outcome.crashed()).isTrue();
            assertThat(outcome.startOffset()).isLessThan(firstFileEnd * 2);
            assertThat(recovered.getMaxOffsetInQueue("C", 0)).isEqualTo(2000);
        } finally {
            recovered.shutdown();
        }
    }

    /**
     * With thorough flushes never due, the routine least-pages flushes alone must carry the
     * checkpoint forward: a copy of the running store's files (what SIGKILL leaves) recovers from
     * the file of the first batch's last message or a later one, not from the start of the log.
     */
    @Test
    void routineFlushesMoveTheCheckpointSoCrashRecoveryStartsNearTheEnd() throws Exception {
        MessageStoreConfig config = smallConfig(dir.resolve("live"));
        config.setFlushCommitLogThoroughInterval(3_600_000);
        config.setFlushConsumeQueueThoroughInterval(3_600_000);
        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        try {
            AppendMessageResult firstBatchLast = put(store, 600);
            long firstBatchEnd = firstBatchLast.getStoreTimestamp();
            // past the checkpoint's safety margin, so that later messages can move the recovery start
            await().pollDelay(Duration.ofMillis(3100)).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(checkpointOnDisk(config)).allSatisfy(t ->
                            assertThat(t).isGreaterThanOrEqualTo(firstBatchEnd)));
            put(store, 1400);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(checkpointOnDisk(config))
                    .allSatisfy(t -> assertThat(t).isGreaterThan(firstBatchEnd + 3000)));

            Path copy = dir.resolve("crashed");
            copyTree(dir.resolve("live"), copy);
            DefaultMessageStore recovered = new DefaultMessageStore(smallConfig(copy));
            recovered.start();
            try {
                RecoveryProcedure.Outcome outcome = recovered.getRecoveryOutcome();
                assertThat(outcome.crashed()).isTrue();
                int fileSize = config.getMappedFileSizeCommitLog();
                long lastOffset = firstBatchLast.getWroteOffset();
                assertThat(outcome.startOffset()).isGreaterThanOrEqualTo(lastOffset - lastOffset % fileSize).isPositive();
                // the queues held everything the checkpoint covers: only newer records are dispatched again
                assertThat(outcome.redispatchFrom()).isGreaterThan(lastOffset);
                assertThat(recovered.getMaxOffsetInQueue("C", 0)).isEqualTo(2000);
            } finally {
                recovered.shutdown();
            }
        } finally {
            store.shutdown();
        }
    }

    /** Puts {@code count} messages; returns where the last one went. */
    private static AppendMessageResult put(DefaultMessageStore store, int count) throws Exception {
        PutMessageResult last = null;
        for (int i = 0; i < count; i++) {
            last = store.putMessage(message("C", 0, new byte[2000])).get();
            assertThat(last.isOk()).isTrue();
        }
        return last.getAppendMessageResult();
    }

    /** Commit log, consume queue and index times as written in the checkpoint file. */
    private static List<Long> checkpointOnDisk(MessageStoreConfig config) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(config.getStoreCheckpoint())));
        return List.of(b.getLong(0), b.getLong(8), b.getLong(16));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
