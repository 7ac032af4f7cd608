package io.apogee.client.consumer.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.message.MessageQueue;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileOffsetStoreTest {
    @TempDir
    Path dir;

    @BeforeEach
    void pointStoreAtTempDir() {
        System.setProperty("rocketmq.client.localOffsetStoreDir", dir.toString());
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty("rocketmq.client.localOffsetStoreDir");
    }

    @Test
    void persistedOffsetsAreReadBackByANewStore() {
        MessageQueue q0 = new MessageQueue("T", "broker-a", 0);
        MessageQueue q1 = new MessageQueue("T", "broker-a", 1);
        LocalFileOffsetStore store = new LocalFileOffsetStore("127.0.0.1@test", "G");
        store.updateOffset(q0, 10, false);
        store.updateOffset(q1, 7, false);
        store.updateOffset(q1, 5, true);
        store.persistAll(Set.of(q0, q1));

        LocalFileOffsetStore reloaded = new LocalFileOffsetStore("127.0.0.1@test", "G");
        reloaded.load();

        assertThat(reloaded.readOffset(q0, ReadOffsetType.READ_FROM_STORE)).isEqualTo(10);
        assertThat(reloaded.readOffset(q1, ReadOffsetType.READ_FROM_STORE)).isEqualTo(7);
        assertThat(reloaded.readOffset(new MessageQueue("T", "broker-a", 2), ReadOffsetType.READ_FROM_STORE)).isEqualTo(-1);
    }
}
