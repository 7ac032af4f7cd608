package io.apogee.namesrv.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class KvConfigManagerTest {
    @TempDir
    Path dir;

    @Test
    void changesSurviveARestart() {
        Path file = dir.resolve("namesrv/kvConfig.json");
        KvConfigManager kv = new KvConfigManager(file);
        kv.load();
        kv.put("ORDER_TOPIC_CONFIG", "T", "broker-a:4");
        kv.put("ns", "k1", "v1");
        kv.put("ns", "k2", "v2");
        kv.delete("ns", "k1");

        KvConfigManager restarted = new KvConfigManager(file);
        restarted.load();

        assertThat(restarted.get("ORDER_TOPIC_CONFIG", "T")).isEqualTo("broker-a:4");
        assertThat(restarted.getNamespace("ns")).isEqualTo(Map.of("k2", "v2"));
        assertThat(restarted.get("ns", "k1")).isNull();
    }

    @Test
    void writesTheOfficialFileShapeAndKeepsABackupWithoutTempFiles() throws Exception {
        Path file = dir.resolve("kvConfig.json");
        KvConfigManager kv = new KvConfigManager(file);
        kv.put("ns", "k", "v1");
        kv.put("ns", "k", "v2");

        assertThat(Files.readString(file)).isEqualTo("{\"configTable\":{\"ns\":{\"k\":\"v2\"}}}");
        assertThat(Files.readString(dir.resolve("kvConfig.json.bak"))).contains("v1");
        assertThat(dir.resolve("kvConfig.json.tmp")).doesNotExist();
    }

    @Test
    void aCorruptFileFallsBackToTheBackup() throws Exception {
        Path file = dir.resolve("kvConfig.json");
        KvConfigManager kv = new KvConfigManager(file);
        kv.put("ns", "k", "v1");
        kv.put("ns", "k", "v2");
        Files.write(file, "{\"configTable\":{\"ns\":".getBytes(StandardCharsets.UTF_8));

        KvConfigManager restarted = new KvConfigManager(file);
        restarted.load();

        assertThat(restarted.get("ns", "k")).isEqualTo("v1");
    }

    @Test
    void deletingTheLastKeyRemovesTheNamespace() {
        KvConfigManager kv = new KvConfigManager(dir.resolve("kv.json"));
        kv.put("ns", "k", "v");
        kv.delete("ns", "k");
        kv.delete("absent", "k");

        assertThat(kv.getNamespace("ns")).isNull();
    }

    @Test
    void aMissingFileIsAnEmptyTable() {
        KvConfigManager kv = new KvConfigManager(dir.resolve("none/kv.json"));
        kv.load();

        assertThat(kv.getNamespace("ns")).isNull();
    }
}
