package io.apogee.broker.schedule;

import io.apogee.broker.config.DurableJsonFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How far each delay level has been delivered (next queue offset of SCHEDULE_TOPIC_XXXX's queue
 * level-1), kept in config/delayOffset.json as {@code {"offsetTable":{"1":12,"3":40}}}, the shape
 * RocketMQ writes, so a store directory moves between the two.
 */
public final class DelayOffsetTable {
    private final DurableJsonFile file;
    private final ConcurrentMap<Integer, Long> offsets = new ConcurrentHashMap<>();

    /** The JSON form. */
    public static final class Content {
        private Map<Integer, Long> offsetTable = new TreeMap<>();

        public Map<Integer, Long> getOffsetTable() {
            return offsetTable;
        }

        public void setOffsetTable(Map<Integer, Long> offsetTable) {
            this.offsetTable = offsetTable;
        }
    }

    public DelayOffsetTable(Path configDir) {
        this.file = new DurableJsonFile(configDir.resolve("delayOffset.json"));
    }

    public void load() {
        file.load(Content.class).ifPresent(content -> offsets.putAll(content.getOffsetTable()));
    }

    public long get(int level) {
        return offsets.getOrDefault(level, 0L);
    }

    public void set(int level, long offset) {
        offsets.put(level, offset);
    }

    public void persist() {
        file.save(snapshot());
    }

    /** The JSON form of the current progress (also GET_ALL_DELAY_OFFSET's answer). */
    public Content snapshot() {
        Content content = new Content();
        content.setOffsetTable(new TreeMap<>(offsets));
        return content;
    }

    /** A slave takes the master's progress, so it resumes delivery where the master was if it is ever promoted. */
    public void replaceWith(Content master) {
        offsets.clear();
        offsets.putAll(master.getOffsetTable());
        persist();
    }
}
