package io.apogee.broker.config;

import io.apogee.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One metadata file (topics.json, subscriptionGroup.json, consumerOffset.json) written so a crash at
 * any moment leaves either the old or the new content: the new bytes go to a temp file that is
 * fsynced and renamed over the old one, and the previous version is kept as {@code <name>.bak}, which
 * is read when the main file is missing or unreadable.
 */
public final class DurableJsonFile {
    private static final Logger LOG = LoggerFactory.getLogger(DurableJsonFile.class);

    private final Path path;
    private final Path backup;
    private final Path temp;

    public DurableJsonFile(Path path) {
        this.path = path;
        this.backup = path.resolveSibling(path.getFileName() + ".bak");
        this.temp = path.resolveSibling(path.getFileName() + ".tmp");
    }

    public Path path() {
        return path;
    }

    /** The saved content, falling back to the backup; empty when neither exists or parses. */
    public <T> Optional<T> load(Class<T> type) {
        for (Path candidate : new Path[] {path, backup}) {
            try {
                byte[] bytes = Files.readAllBytes(candidate);
                if (bytes.length > 0) {
                    return Optional.of(Json.parse(bytes, type));
                }
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("cannot read {}, trying the backup", candidate, e);
            }
        }
        return Optional.empty();
    }

    public synchronized void save(Object content) {
        byte[] bytes = Json.toBytes(content);
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.exists(path)) {
                Files.copy(path, backup, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Makes the rename itself durable; some file systems refuse to open a directory, which is harmless. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("directory fsync not supported for {}", path.getParent());
        }
    }
}
