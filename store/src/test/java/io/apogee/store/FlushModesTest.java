package io.apogee.store;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlushModesTest {
    @TempDir
    Path dir;

    @Test
    void syncFlushAcknowledgesOnlyFlushedData() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        config.setFlushDiskType(FlushDiskType.SYNC_FLUSH);
        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                checks.add(store.putMessage(message("S", i % 8, new byte[500])).thenApplyAsync(r ->
                        r.isOk() && r.getAppendMessageResult().getWroteOffset()
                                + r.getAppendMessageResult().getWroteBytes() <= store.getFlushedPhyOffset(), pool));
            }
            for (CompletableFuture<Boolean> c : checks) {
                assertThat(c.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
            store.shutdown();
        }
    }

    @Test
    void unwaitedSyncPutsDoNotWaitForTheFlush() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        config.setFlushDiskType(FlushDiskType.SYNC_FLUSH);
        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        try {
            var msg = message("S", 0, new byte[10]);
            msg.setPropertiesString("WAIT\u0001false\u0002");
            assertThat(store.putMessage(msg).isDone()).isTrue();
        } finally {
            store.shutdown();
        }
    }

    @Test
    void transientStorePoolWritesBecomeReadableAfterCommitAndSurviveRestart() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        config.setTransientStorePoolEnable(true);
        config.setTransientStorePoolSize(2);
        config.setCommitIntervalCommitLog(20);
        DefaultMessageStore store = new DefaultMessageStore(config);
        store.start();
        for (int i = 0; i < 3000; i++) {
            assertThat(store.putMessage(message("P", 0, new byte[900])).get().isOk()).isTrue();
        }
        await().until(() -> store.getMaxOffsetInQueue("P", 0) == 3000);
        assertThat(StoreTestSupport.read(store, "P", 0, 2999)).isNotNull();
        store.shutdown();
        DefaultMessageStore reopened = new DefaultMessageStore(config);
        reopened.start();
        try {
            assertThat(reopened.getMaxOffsetInQueue("P", 0)).isEqualTo(3000);
            assertThat(StoreTestSupport.read(reopened, "P", 0, 2999).getBody()).hasSize(900);
        } finally {
            reopened.shutdown();
        }
    }

    @Test
    void replicaAppendOfRawBytesIsDispatched() throws Exception {
        MessageStoreConfig masterConfig = smallConfig(dir.resolve("master"));
        DefaultMessageStore master = new DefaultMessageStore(masterConfig);
        master.start();
        MessageStoreConfig slaveConfig = smallConfig(dir.resolve("slave"));
        DefaultMessageStore slave = new DefaultMessageStore(slaveConfig);
        slave.start();
        try {
            for (int i = 0; i < 1500; i++) {
                master.putMessage(message("R", 1, new byte[1000], null, "k" + i)).get();
            }
            long end = master.getMaxPhyOffset();
            // copy the master's files as raw bytes, in chunks that cut records in half
            int fileSize = masterConfig.getMappedFileSizeCommitLog();
            for (long offset = 0; offset < end; ) {
                java.nio.file.Path file = java.nio.file.Path.of(masterConfig.getStorePathCommitLog(),
                        String.format("%020d", offset - offset % fileSize));
                byte[] content = java.nio.file.Files.readAllBytes(file);
                int from = (int) (offset % fileSize);
                int length = (int) Math.min(Math.min(5000, fileSize - from), end - offset);
                assertThat(slave.appendToCommitLog(offset, java.nio.ByteBuffer.wrap(content, from, length))).isTrue();
                offset += length;
            }
            assertThat(slave.appendToCommitLog(5, java.nio.ByteBuffer.allocate(1))).isFalse();
            await().until(() -> slave.getMaxOffsetInQueue("R", 1) == 1500);
            assertThat(StoreTestSupport.read(slave, "R", 1, 1499).getKeys()).isEqualTo("k1499");
        } finally {
            master.shutdown();
            slave.shutdown();
        }
    }
}
