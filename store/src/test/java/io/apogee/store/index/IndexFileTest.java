package io.apogee.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IndexFileTest {
    @TempDir
    Path dir;

    @Test
    void layoutMatchesTheDocumentedFormat() throws Exception {
        File path = new File(dir.toFile(), "20260101000000000");
        IndexFile f = new IndexFile(path, 10, 5);
        assertThat(path.length()).isEqualTo(40 + 10 * 4 + 5 * 20);
        long t0 = 1_700_000_000_000L;
        assertThat(f.putKey("T#a", 100, t0)).isTrue();
        assertThat(f.putKey("T#b", 200, t0 + 5_000)).isTrue();
        f.flush();
        f.close();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(path.toPath()));
        assertThat(b.getLong(0)).isEqualTo(t0);
        assertThat(b.getLong(8)).isEqualTo(t0 + 5_000);
        assertThat(b.getLong(16)).isEqualTo(100);
        assertThat(b.getLong(24)).isEqualTo(200);
        assertThat(b.getInt(32)).as("slots used").isEqualTo(2);
        assertThat(b.getInt(36)).as("next index number").isEqualTo(3);
        int hashA = Math.abs("T#a".hashCode());
        assertThat(b.getInt(40 + (hashA % 10) * 4)).as("slot points at entry 1").isEqualTo(1);
        int entry2 = 40 + 10 * 4 + 2 * 20;
        assertThat(b.getInt(entry2)).isEqualTo(Math.abs("T#b".hashCode()));
        assertThat(b.getLong(entry2 + 4)).isEqualTo(200);
        assertThat(b.getInt(entry2 + 12)).as("seconds since begin").isEqualTo(5);
    }

    @Test
    void collidingKeysChainAndFullFilesRefuse() throws Exception {
        IndexFile f = new IndexFile(new File(dir.toFile(), "x"), 1, 4);
        long now = System.currentTimeMillis();
        assertThat(f.putKey("T#k1", 1, now)).isTrue();
        assertThat(f.putKey("T#k2", 2, now)).isTrue();
        assertThat(f.putKey("T#k1", 3, now)).isTrue();
        assertThat(f.putKey("T#k1", 4, now)).as("3 entries fill a 4-number file (0 is unused)").isFalse();
        assertThat(f.isFull()).isTrue();
        List<Long> out = new ArrayList<>();
        f.select("T#k1", 10, now - 1000, now + 1000, out);
        assertThat(out).containsExactly(3L, 1L);
        out.clear();
        f.select("T#k1", 10, now + 5000, now + 9000, out);
        assertThat(out).isEmpty();
        f.destroy();
    }
}
