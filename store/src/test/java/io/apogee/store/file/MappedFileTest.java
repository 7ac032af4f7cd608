package io.apogee.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MappedFileTest {
    @TempDir
    Path dir;

    @Test
    void appendFlushAndReadBack() throws Exception {
        MappedFile mf = new MappedFile(new File(dir.toFile(), MappedFile.fileName(4096)), 4096);
        assertThat(mf.getFileFromOffset()).isEqualTo(4096);
        assertThat(mf.getFileName()).isEqualTo("00000000000000004096");
        mf.append(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 0, 4);
        assertThat(mf.getWrotePosition()).isEqualTo(4);
        assertThat(mf.getFlushedPosition()).isZero();
        assertThat(mf.flush(1)).as("less than a page waiting").isZero();
        assertThat(mf.flush(0)).isEqualTo(4);
        ByteBuf slice = mf.selectBuffer(1, 3);
        assertThat(slice.getByte(0)).isEqualTo((byte) 2);
        assertThat(mf.selectBuffer(2, 3)).as("beyond the written data").isNull();
        slice.release();
        mf.destroy();
        assertThat(mf.getFile()).doesNotExist();
    }

    @Test
    void aSliceKeepsTheMappingAliveAfterDestroy() throws Exception {
        MappedFile mf = new MappedFile(new File(dir.toFile(), MappedFile.fileName(0)), 4096);
        mf.append(ByteBuffer.wrap(new byte[] {9, 8, 7}), 0, 3);
        ByteBuf slice = mf.selectBuffer(0, 3);
        mf.destroy();
        assertThat(mf.hold()).as("no new holders once destroyed").isFalse();
        assertThat(slice.getByte(2)).isEqualTo((byte) 7);
        assertThat(slice.release()).isTrue();
    }

    @Test
    void writeBufferContentIsVisibleOnlyAfterCommit() throws Exception {
        TransientStorePool pool = new TransientStorePool(1, 8192);
        MappedFile mf = new MappedFile(new File(dir.toFile(), MappedFile.fileName(0)), 8192);
        mf.useWriteBuffer(pool);
        assertThat(pool.availableBuffers()).isZero();
        mf.append(ByteBuffer.wrap(new byte[100]), 0, 100);
        assertThat(mf.getReadPosition()).isZero();
        assertThat(mf.commit(0)).isEqualTo(100);
        assertThat(mf.getReadPosition()).isEqualTo(100);
        mf.append(ByteBuffer.wrap(new byte[8092]), 0, 8092);
        mf.commit(0);
        assertThat(pool.availableBuffers()).as("a full, committed file returns its buffer").isEqualTo(1);
        assertThat(mf.flush(0)).isEqualTo(8192);
        mf.destroy();
        pool.destroy();
    }

    @Test
    void zeroFromClearsStaleBytes() throws Exception {
        MappedFile mf = new MappedFile(new File(dir.toFile(), MappedFile.fileName(0)), 3 * MappedFile.OS_PAGE_SIZE);
        byte[] ones = new byte[3 * MappedFile.OS_PAGE_SIZE];
        java.util.Arrays.fill(ones, (byte) 1);
        mf.append(ByteBuffer.wrap(ones), 0, ones.length);
        mf.setPositions(100);
        mf.zeroFrom(100);
        assertThat(mf.getFile()).hasSize(ones.length);
        mf.setPositions(ones.length);
        ByteBuffer view = mf.readableView();
        assertThat(view.get(99)).isEqualTo((byte) 1);
        for (int i = 100; i < ones.length; i++) {
            assertThat(view.get(i)).isZero();
        }
        mf.destroy();
    }
}
