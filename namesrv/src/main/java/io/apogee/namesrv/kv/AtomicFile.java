package io.apogee.namesrv.kv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file replaced as a whole: readers (and a crash at any moment) see either the old or the new
 * content, never a torn write. New content goes to {@code name.tmp}, is forced to disk, the previous
 * file is kept as {@code name.bak}, and the temp file is renamed over the original.
 */
public final class AtomicFile {
    private final Path path;
    private final Path tmp;
    private final Path bak;

    public AtomicFile(Path path) {
        this.path = path.toAbsolutePath();
        this.tmp = this.path.resolveSibling(this.path.getFileName() + ".tmp");
        this.bak = this.path.resolveSibling(this.path.getFileName() + ".bak");
    }

    public Path path() {
        return path;
    }

    public Path backup() {
        return bak;
    }

    public void write(byte[] content) throws IOException {
        Files.createDirectories(path.getParent());
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        if (Files.exists(path)) {
            Files.copy(path, bak, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
    }

    /** The current content, or null when the file does not exist. */
    public byte[] read() throws IOException {
        return readOrNull(path);
    }

    /** The content kept from before the last write, or null. */
    public byte[] readBackup() throws IOException {
        return readOrNull(bak);
    }

    private static byte[] readOrNull(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Makes the rename itself durable; some file systems refuse to open a directory, which is harmless. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // best effort: the data file itself is already forced
        }
    }
}
