package io.apogee.store.recovery;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
}
