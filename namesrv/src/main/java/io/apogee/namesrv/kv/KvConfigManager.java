package io.apogee.namesrv.kv;

import io.apogee.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Namespaced key/value settings that operators put into the name server (e.g. ORDER_TOPIC_CONFIG).
 * Kept in memory, and every change is written through to the JSON file before it is acknowledged,
 * in the official shape {@code {"configTable":{namespace:{key:value}}}} so an existing kvConfig.json loads.
 * Reads are lock-free over immutable per-namespace maps; writes are serialized.
 */
public final class KvConfigManager {
    private static final Logger LOG = LoggerFactory.getLogger(KvConfigManager.class);

    private final AtomicFile file;
    private final ConcurrentHashMap<String, Map<String, String>> configTable = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    public KvConfigManager(Path path) {
        this.file = new AtomicFile(path);
    }

    /** Loads the file, falling back to the backup when the main file is unreadable. */
    public void load() {
        synchronized (writeLock) {
            configTable.clear();
            FileShape loaded = readShape(true);
            if (loaded == null) {
                loaded = readShape(false);
            }
            if (loaded != null && loaded.configTable != null) {
                loaded.configTable.forEach((namespace, table) -> configTable.put(namespace, Map.copyOf(table)));
            }
            LOG.info("loaded {} KV namespaces from {}", configTable.size(), file.path());
        }
    }

    private FileShape readShape(boolean main) {
        try {
            byte[] content = main ? file.read() : file.readBackup();
            return content == null || content.length == 0 ? null : Json.parse(content, FileShape.class);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read KV config {}: {}", main ? file.path() : file.backup(), e.getMessage());
            return null;
        }
    }

    public void put(String namespace, String key, String value) {
        synchronized (writeLock) {
            Map<String, String> table = new HashMap<>(configTable.getOrDefault(namespace, Map.of()));
            table.put(key, value);
            replaceNamespace(namespace, table);
        }
    }

    public void delete(String namespace, String key) {
        synchronized (writeLock) {
            Map<String, String> current = configTable.get(namespace);
            if (current == null || !current.containsKey(key)) {
                return;
            }
            Map<String, String> table = new HashMap<>(current);
            table.remove(key);
            replaceNamespace(namespace, table);
        }
    }

    /** Writes the file first and publishes in memory only once it is durable, so a failed write changes nothing. */
    private void replaceNamespace(String namespace, Map<String, String> table) {
        Map<String, Map<String, String>> next = new HashMap<>(configTable);
        if (table.isEmpty()) {
            next.remove(namespace);
        } else {
            next.put(namespace, Map.copyOf(table));
        }
        persist(next);
        if (table.isEmpty()) {
            configTable.remove(namespace);
        } else {
            configTable.put(namespace, next.get(namespace));
        }
    }

    public String get(String namespace, String key) {
        return configTable.getOrDefault(namespace, Map.of()).get(key);
    }

    /** The namespace's whole table, or null when the namespace has no entries. */
    public Map<String, String> getNamespace(String namespace) {
        return configTable.get(namespace);
    }

    private void persist(Map<String, Map<String, String>> table) {
        FileShape shape = new FileShape();
        shape.configTable = table;
        try {
            file.write(Json.toBytes(shape));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist KV config to " + file.path(), e);
        }
    }

    /** The on-disk JSON shape. */
    private static final class FileShape {
        Map<String, Map<String, String>> configTable;
    }
}
