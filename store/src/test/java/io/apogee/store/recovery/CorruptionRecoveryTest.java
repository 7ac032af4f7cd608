package io.apogee.store.recovery;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import io.apogee.store.StoreTestSupport;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files: recovery cuts the log at the first bad record, says why, and the store opens. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorruptionRecoveryTest {
    @TempDir
    Path dir;

    /** Writes 2000 messages over several files, shuts down, returns each put's result. */
    private List<PutMessageResult> writeAndClose(MessageStoreConfig config) throws Exception {
        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        List<PutMessageResult> results = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            results.add(store.putMessage(message("C", i % 2, new byte[1000 + i % 7], null, "key" + i)).get());
        }
        store.shutdown();
        return results;
    }

    private static void markCrashed(MessageStoreConfig config) throws Exception {
        Files.write(Path.of(config.getAbortFile()), new byte[0]);
    }

    private static File commitLogFile(MessageStoreConfig config, long offset) {
        long start = offset - offset % config.getMappedFileSizeCommitLog();
        return new File(config.getStorePathCommitLog(), String.format("%020d", start));
    }

    @Test
    void flippedBodyByteCutsTheLogAtThatRecord() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        List<PutMessageResult> results = writeAndClose(config);
        PutMessageResult victim = results.get(1500);
        long offset = victim.getAppendMessageResult().getWroteOffset();
        flipByte(commitLogFile(config, offset), offset % config.getMappedFileSizeCommitLog() + 200);
        markCrashed(config);

        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        try {
            RecoveryProcedure.Outcome outcome = store.getRecoveryOutcome();
            assertThat(outcome.crashed()).isTrue();
            assertThat(outcome.endOffset()).isEqualTo(offset);
            assertThat(outcome.reason()).contains("at offset " + offset).contains("CRC");
            assertThat(store.getMaxPhyOffset()).isEqualTo(offset);
            // queue offsets of the dropped messages are gone and will be reused
            assertThat(store.getMaxOffsetInQueue("C", 0)).isEqualTo(750);
            assertThat(store.getMaxOffsetInQueue("C", 1)).isEqualTo(750);
            assertThat(StoreTestSupport.read(store, "C", 0, 749)).isNotNull();
            PutMessageResult next = store.putMessage(message("C", 0, new byte[10])).get();
            assertThat(next.getAppendMessageResult().getWroteOffset()).isEqualTo(offset);
            assertThat(next.getAppendMessageResult().getLogicsOffset()).isEqualTo(750);
            // index entries of dropped messages no longer answer
            assertThat(store.queryMessage("C", "key1999", 4, 0, Long.MAX_VALUE).getMessageBufferList()).isEmpty();
            assertThat(store.queryMessage("C", "key10", 4, 0, Long.MAX_VALUE).getMessageBufferList()).hasSize(1);
        } finally {
            store.shutdown();
        }
    }

    @Test
    void truncatedLastFileCutsAtTheTornRecord() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        List<PutMessageResult> results = writeAndClose(config);
        PutMessageResult last = results.get(results.size() - 1);
        long lastOffset = last.getAppendMessageResult().getWroteOffset();
        File file = commitLogFile(config, lastOffset);
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            raf.setLength(lastOffset % config.getMappedFileSizeCommitLog() + 50);
        }
        markCrashed(config);

        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        try {
            RecoveryProcedure.Outcome outcome = store.getRecoveryOutcome();
            assertThat(outcome.crashed()).isTrue();
            assertThat(store.getMaxPhyOffset()).isEqualTo(lastOffset);
            assertThat(outcome.endOffset()).isEqualTo(lastOffset);
            // the record's first 50 bytes (size, magic, checksum) survived the cut, the rest reads as
            // zeros: the stored checksum no longer matches and gives the torn record away
            assertThat(outcome.reason()).startsWith("at offset " + lastOffset + ": body CRC ")
                    .endsWith(" != computed 0");
            long fileEnd = lastOffset - lastOffset % config.getMappedFileSizeCommitLog()
                    + config.getMappedFileSizeCommitLog();
            assertThat(outcome.truncatedBytes()).isEqualTo(fileEnd - lastOffset);
            assertThat(store.getMaxOffsetInQueue("C", 1)).isEqualTo(999);
            assertThat(store.putMessage(message("C", 1, new byte[5])).get().getAppendMessageResult().getLogicsOffset())
                    .isEqualTo(999);
        } finally {
            store.shutdown();
        }
    }

    @Test
    void corruptionInAnEarlierFileAfterCleanShutdownIsFoundInTheLastThreeFiles() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        List<PutMessageResult> results = writeAndClose(config);
        long offset = results.get(1900).getAppendMessageResult().getWroteOffset();
        flipByte(commitLogFile(config, offset), offset % config.getMappedFileSizeCommitLog() + 4); // magic code

        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        try {
            assertThat(store.getRecoveryOutcome().crashed()).isFalse();
            assertThat(store.getRecoveryOutcome().reason()).contains("magic");
            assertThat(store.getMaxPhyOffset()).isEqualTo(offset);
        } finally {
            store.shutdown();
        }
    }

    @Test
    void lostConsumeQueueFilesAreRebuiltFromTheCommitLog() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        writeAndClose(config);
        File queueDir = new File(config.getStorePathConsumeQueue(), "C/0");
        File[] cqFiles = queueDir.listFiles();
        java.util.Arrays.sort(cqFiles);
        assertThat(cqFiles[cqFiles.length - 1].delete()).isTrue();
        // a crash with a zeroed checkpoint forces re-dispatch from the first file
        Files.write(Path.of(config.getStoreCheckpoint()), new byte[4096]);
        markCrashed(config);

        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        try {
            assertThat(store.getMaxOffsetInQueue("C", 0)).isEqualTo(1000);
            assertThat(StoreTestSupport.read(store, "C", 0, 999).getKeys()).isEqualTo("key1998");
        } finally {
            store.shutdown();
        }
    }

    private static void flipByte(File file, long position) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0xFF);
        }
    }
}
