package io.apogee.client.consumer.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broadcasting offsets: every consumer has its own progress, so it lives in a local JSON file
 * ({@code rocketmq.client.localOffsetStoreDir}, default {@code ~/.rocketmq_offsets}, then
 * {@code clientId/group/offsets.json}), replaced atomically on each persist.
 */
public class LocalFileOffsetStore implements OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFileOffsetStore.class);
    private static final TypeReference<Map<MessageQueue, Long>> TABLE = new TypeReference<>() {
    };
    private final Path file;
    private final InMemoryOffsets offsets = new InMemoryOffsets();

    public LocalFileOffsetStore(String clientId, String group) {
        String root = System.getProperty("rocketmq.client.localOffsetStoreDir",
                Path.of(System.getProperty("user.home"), ".rocketmq_offsets").toString());
        this.file = Path.of(root, clientId.replace(':', '_'), group, "offsets.json");
    }

    @Override
    public void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Json.parse(Files.readAllBytes(file), TABLE).forEach((mq, offset) -> offsets.update(mq, offset, false));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read local offsets {}: {}", file, e.toString());
        }
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        offsets.update(mq, offset, increaseOnly);
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        return offsets.get(mq);
    }

    @Override
    public void persistAll(Set<MessageQueue> mqs) {
        Map<MessageQueue, Long> copy = offsets.copy(null);
        copy.keySet().retainAll(mqs);
        if (copy.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("offsets.json.tmp");
            Files.write(tmp, Json.toBytes(copy));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write local offsets {}: {}", file, e.toString());
        }
    }

    @Override
    public void persist(MessageQueue mq) {
        // Single queues are persisted with the rest of the file by the periodic persistAll.
    }

    @Override
    public void removeOffset(MessageQueue mq) {
        // Kept: a broadcasting consumer resumes every queue from its own file.
    }

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        return offsets.copy(topic);
    }
}
