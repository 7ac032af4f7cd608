package io.apogee.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.protocol.KVTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableJsonFileTest {
    @TempDir
    Path dir;

    @Test
    void savesReplacesAndKeepsThePreviousVersionAsBackup() throws Exception {
        DurableJsonFile file = new DurableJsonFile(dir.resolve("config").resolve("x.json"));
        file.save(new KVTable(Map.of("v", "1")));
        file.save(new KVTable(Map.of("v", "2")));

        assertThat(file.load(KVTable.class)).get().extracting(t -> t.getTable().get("v")).isEqualTo("2");
        assertThat(Files.readString(dir.resolve("config").resolve("x.json.bak"))).contains("\"1\"");
        assertThat(dir.resolve("config").resolve("x.json.tmp")).doesNotExist();
    }

    @Test
    void fallsBackToTheBackupAndIsEmptyWhenNothingIsThere() throws Exception {
        DurableJsonFile file = new DurableJsonFile(dir.resolve("y.json"));
        assertThat(file.load(KVTable.class)).isEmpty();
        file.save(new KVTable(Map.of("v", "1")));
        file.save(new KVTable(Map.of("v", "2")));
        Files.writeString(dir.resolve("y.json"), "");

        assertThat(file.load(KVTable.class)).get().extracting(t -> t.getTable().get("v")).isEqualTo("1");
    }
}
