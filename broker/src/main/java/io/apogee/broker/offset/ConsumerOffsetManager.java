package io.apogee.broker.offset;

import io.apogee.broker.config.DurableJsonFile;
import io.apogee.protocol.body.ConsumerOffsetSerializeWrapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Committed consumer offsets per (group, topic, queue): the next queue offset the group will consume.
 * Kept in memory and written to consumerOffset.json by {@link #persist()}, which the broker calls
 * periodically and at shutdown. The file key is {@code topic@group}, as in RocketMQ.
 */
public class ConsumerOffsetManager {
    private static final String KEY_SEPARATOR = "@";

    private final DurableJsonFile file;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsetTable = new ConcurrentHashMap<>();

    public ConsumerOffsetManager(Path configDir) {
        this.file = new DurableJsonFile(configDir.resolve("consumerOffset.json"));
    }

    public void load() {
        file.load(ConsumerOffsetSerializeWrapper.class).ifPresent(saved ->
                saved.getOffsetTable().forEach((key, queues) -> offsetTable.put(key, new ConcurrentHashMap<>(queues))));
    }

    private static String key(String group, String topic) {
        return topic + KEY_SEPARATOR + group;
    }

    public void commitOffset(String group, String topic, int queueId, long offset) {
        offsetTable.computeIfAbsent(key(group, topic), k -> new ConcurrentHashMap<>()).put(queueId, offset);
    }

    /** The committed offset, or -1 when the group never committed one for that queue. */
    public long queryOffset(String group, String topic, int queueId) {
        Map<Integer, Long> queues = offsetTable.get(key(group, topic));
        Long offset = queues == null ? null : queues.get(queueId);
        return offset == null ? -1 : offset;
    }

    /** queueId to offset for one group and topic; empty when none. */
    public Map<Integer, Long> queryOffsets(String group, String topic) {
        Map<Integer, Long> queues = offsetTable.get(key(group, topic));
        return queues == null ? Map.of() : Map.copyOf(queues);
    }

    public Set<String> topicsOfGroup(String group) {
        Set<String> topics = new HashSet<>();
        offsetTable.keySet().forEach(key -> {
            int at = key.lastIndexOf(KEY_SEPARATOR);
            if (key.substring(at + 1).equals(group)) {
                topics.add(key.substring(0, at));
            }
        });
        return topics;
    }

    public Set<String> groupsOfTopic(String topic) {
        Set<String> groups = new HashSet<>();
        offsetTable.keySet().forEach(key -> {
            int at = key.lastIndexOf(KEY_SEPARATOR);
            if (key.substring(0, at).equals(topic)) {
                groups.add(key.substring(at + 1));
            }
        });
        return groups;
    }

    public void removeGroup(String group) {
        offsetTable.keySet().removeIf(key -> key.substring(key.lastIndexOf(KEY_SEPARATOR) + 1).equals(group));
    }

    public void removeTopic(String topic) {
        offsetTable.keySet().removeIf(key -> key.substring(0, key.lastIndexOf(KEY_SEPARATOR)).equals(topic));
    }

    public void cloneOffsets(String srcGroup, String destGroup, String topic) {
        Map<Integer, Long> source = offsetTable.get(key(srcGroup, topic));
        if (source != null) {
            offsetTable.put(key(destGroup, topic), new ConcurrentHashMap<>(source));
        }
    }

    /** A slave takes the master's offsets over its own (queues the master does not know keep the slave's). */
    public void putAll(ConsumerOffsetSerializeWrapper master) {
        master.getOffsetTable().forEach((key, queues) ->
                offsetTable.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).putAll(queues));
    }

    public ConsumerOffsetSerializeWrapper snapshot() {
        ConsumerOffsetSerializeWrapper wrapper = new ConsumerOffsetSerializeWrapper();
        Map<String, Map<Integer, Long>> copy = new HashMap<>();
        offsetTable.forEach((key, queues) -> copy.put(key, new HashMap<>(queues)));
        wrapper.setOffsetTable(copy);
        return wrapper;
    }

    public synchronized void persist() {
        file.save(snapshot());
    }
}
