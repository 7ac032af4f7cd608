package io.apogee.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MappedFileQueueTest {
    @TempDir
    Path dir;

    @Test
    void filesAreNamedByStartOffsetAndFoundByOffset() throws Exception {
        MappedFileQueue q = new MappedFileQueue(dir.toFile(), 1024, null);
        for (int i = 0; i < 5; i++) {
            MappedFile f = q.getLastFileForAppend(0);
            f.append(ByteBuffer.allocate(1024), 0, 1024);
        }
        assertThat(dir.toFile().list()).contains("00000000000000000000", "00000000000000004096");
        assertThat(q.findFileByOffset(3000).getFileFromOffset()).isEqualTo(2048);
        assertThat(q.findFileByOffset(5120)).isNull();
        assertThat(q.getMaxOffset()).isEqualTo(5120);
        assertThat(q.deleteLeading(f -> f.getFileFromOffset() < 2048, 10)).isEqualTo(2);
        assertThat(q.getMinOffset()).isEqualTo(2048);
        assertThat(q.findFileByOffset(100)).isNull();
        q.truncateTo(3000);
        assertThat(q.getMaxOffset()).isEqualTo(3000);
        assertThat(q.getFiles()).hasSize(1);
        q.shutdown();

        MappedFileQueue reloaded = new MappedFileQueue(dir.toFile(), 1024, null);
        reloaded.load();
        assertThat(reloaded.getMinOffset()).isEqualTo(2048);
        reloaded.shutdown();
    }

    @Test
    void aQueueStartingAtAnOffsetCreatesItsFirstFileThere() throws Exception {
        MappedFileQueue q = new MappedFileQueue(dir.toFile(), 1000, null);
        assertThat(q.getLastFileForAppend(2500).getFileFromOffset()).isEqualTo(2000);
        q.shutdown();
    }
}
