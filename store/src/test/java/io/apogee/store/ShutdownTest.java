package io.apogee.store;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShutdownTest {
    @TempDir
    Path dir;

    private static long storeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("apogee-")).count();
    }

    @Test
    void shutdownStopsEveryThreadRemovesTheAbortFileAndRefusesPuts() throws Exception {
        for (FlushDiskType flush : FlushDiskType.values()) {
            MessageStoreConfig config = smallConfig(dir.resolve(flush.name()));
            config.setFlushDiskType(flush);
            DefaultMessageStore store = new DefaultMessageStore(config);
            store.start();
            assertThat(dir.resolve(flush.name()).resolve("abort")).exists();
            assertThat(storeThreads()).isPositive();
            assertThat(store.putMessage(message("T", 0, new byte[10])).get().isOk()).isTrue();
            store.shutdown();
            await().atMost(Duration.ofSeconds(10)).until(() -> storeThreads() == 0);
            assertThat(dir.resolve(flush.name()).resolve("abort")).doesNotExist();
            PutMessageResult refused = store.putMessage(message("T", 0, new byte[10])).get();
            assertThat(refused.getPutMessageStatus()).isEqualTo(PutMessageStatus.SERVICE_NOT_AVAILABLE);
            store.shutdown(); // idempotent
        }
    }
}
