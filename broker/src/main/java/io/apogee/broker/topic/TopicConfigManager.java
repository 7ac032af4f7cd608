package io.apogee.broker.topic;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.config.DurableJsonFile;
import io.apogee.protocol.DataVersion;
import io.apogee.protocol.PermName;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topic table: system topics made at start, topics auto-created by sends and
 * heartbeats, and admin changes. Every change bumps the data version, is written to topics.json and
 * is reported to the listener (which re-registers the broker with the name servers).
 */
public class TopicConfigManager {
    private static final Logger LOG = LoggerFactory.getLogger(TopicConfigManager.class);
    private static final int SCHEDULE_QUEUE_NUMS = 18;

    private final BrokerConfig brokerConfig;
    private final DurableJsonFile file;
    private final ConcurrentMap<String, TopicConfig> table = new ConcurrentHashMap<>();
    private final DataVersion dataVersion = new DataVersion();
    private final Set<String> systemTopics = ConcurrentHashMap.newKeySet();
    private volatile Runnable changeListener = () -> { };

    public TopicConfigManager(BrokerConfig brokerConfig, Path configDir) {
        this.brokerConfig = brokerConfig;
        this.file = new DurableJsonFile(configDir.resolve("topics.json"));
    }

    /** Loads topics.json, then (re)defines the system topics, whose settings follow the current config. */
    public synchronized void load() {
        file.load(TopicConfigSerializeWrapper.class).ifPresent(saved -> {
            table.putAll(saved.getTopicConfigTable());
            if (saved.getDataVersion() != null) {
                dataVersion.assignNewOne(saved.getDataVersion());
            }
        });
        defineSystemTopics();
        dataVersion.nextVersion();
        persist();
    }

    private void defineSystemTopics() {
        if (brokerConfig.isAutoCreateTopicEnable()) {
            int queues = brokerConfig.getDefaultTopicQueueNums();
            putSystem(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, queues, PermName.READ_WRITE | PermName.PERM_INHERIT);
        } else {
            table.remove(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC);
        }
        putSystem(TopicValidator.RMQ_SYS_SELF_TEST_TOPIC, 1, PermName.READ_WRITE);
        putSystem(TopicValidator.RMQ_SYS_OFFSET_MOVED_EVENT, 1, PermName.READ_WRITE);
        putSystem(TopicValidator.RMQ_SYS_SCHEDULE_TOPIC, SCHEDULE_QUEUE_NUMS, PermName.READ_WRITE);
        putSystem(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC, 1, PermName.READ_WRITE);
        putSystem(TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC, 1, PermName.READ_WRITE);
        putSystem(TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC, 1, PermName.READ_WRITE);
        // The cluster and broker-name topics let a producer target "any broker of the cluster" or
        // "this broker" through auto-creation; their write/read bits follow the enable switches.
        putSystem(brokerConfig.getBrokerClusterName(), TopicConfig.DEFAULT_QUEUE_NUMS,
                PermName.PERM_INHERIT | (brokerConfig.isClusterTopicEnable() ? PermName.READ_WRITE : 0));
        putSystem(brokerConfig.getBrokerName(), TopicConfig.DEFAULT_QUEUE_NUMS,
                PermName.PERM_INHERIT | (brokerConfig.isBrokerTopicEnable() ? PermName.READ_WRITE : 0));
        putSystem(brokerConfig.getBrokerClusterName() + TopicValidator.REPLY_TOPIC_SUFFIX, 1, PermName.READ_WRITE);
    }

    private void putSystem(String topic, int queues, int perm) {
        table.put(topic, new TopicConfig(topic, queues, queues, perm));
        systemTopics.add(topic);
    }

    /** The topics the broker defines for itself (GET_SYSTEM_TOPIC_LIST_FROM_BROKER). */
    public Set<String> systemTopics() {
        return Set.copyOf(systemTopics);
    }

    public void setChangeListener(Runnable changeListener) {
        this.changeListener = changeListener;
    }

    public TopicConfig select(String topic) {
        return table.get(topic);
    }

    /**
     * Creates {@code topic} from the template {@code defaultTopic} for a send, or returns the existing
     * config. Null when the topic does not exist and cannot be created: no template, or a template
     * without PERM_INHERIT (auto-creation is then off for it).
     */
    public TopicConfig createTopicInSendMessageMethod(String topic, String defaultTopic, String remoteAddr,
                                                      int clientDefaultTopicQueueNums, int topicSysFlag) {
        TopicConfig created;
        synchronized (this) {
            TopicConfig existing = table.get(topic);
            if (existing != null) {
                return existing;
            }
            TopicConfig template = defaultTopic == null ? null : table.get(defaultTopic);
            if (template == null || !PermName.isInherited(template.getPerm())) {
                return null;
            }
            if (defaultTopic.equals(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC) && !brokerConfig.isAutoCreateTopicEnable()) {
                return null;
            }
            int queues = Math.min(Math.max(clientDefaultTopicQueueNums, 1), template.getWriteQueueNums());
            created = new TopicConfig(topic, queues, queues, template.getPerm() & ~PermName.PERM_INHERIT);
            created.setTopicSysFlag(topicSysFlag);
            table.put(topic, created);
            LOG.info("auto-created topic {} from {} for {}: {}", topic, defaultTopic, remoteAddr, created);
            changed();
        }
        changeListener.run();
        return created;
    }

    /** Creates a retry or DLQ topic (or any internal topic) with the given shape if it does not exist yet. */
    public TopicConfig createIfAbsent(String topic, int queueNums, int perm, int topicSysFlag) {
        TopicConfig created;
        synchronized (this) {
            TopicConfig existing = table.get(topic);
            if (existing != null) {
                return existing;
            }
            created = new TopicConfig(topic, queueNums, queueNums, perm);
            created.setTopicSysFlag(topicSysFlag);
            table.put(topic, created);
            LOG.info("created topic {}", created);
            changed();
        }
        changeListener.run();
        return created;
    }

    public void updateTopicConfig(TopicConfig config) {
        synchronized (this) {
            TopicConfig old = table.put(config.getTopicName(), config);
            LOG.info("topic {} {}: {}", config.getTopicName(), old == null ? "created" : "updated", config);
            changed();
        }
        changeListener.run();
    }

    public boolean deleteTopicConfig(String topic) {
        synchronized (this) {
            if (table.remove(topic) == null) {
                return false;
            }
            LOG.info("topic {} deleted", topic);
            changed();
        }
        changeListener.run();
        return true;
    }

    /** Marks the table as changed and re-announces it, e.g. after the broker's own permission changed. */
    public void touch() {
        synchronized (this) {
            changed();
        }
        changeListener.run();
    }

    private void changed() {
        dataVersion.nextVersion();
        persist();
    }

    public synchronized void persist() {
        file.save(snapshot());
    }

    /** A consistent copy for registration, GET_ALL_TOPIC_CONFIG and persistence. */
    public synchronized TopicConfigSerializeWrapper snapshot() {
        Map<String, TopicConfig> copy = new HashMap<>();
        table.forEach((name, config) -> copy.put(name, new TopicConfig(config)));
        return new TopicConfigSerializeWrapper(dataVersion.copy(), copy);
    }

    /**
     * A slave takes the master's table whole when the master's data version differs from its own,
     * then re-registers so the name server announces the slave with the same topics.
     */
    public void replaceWith(TopicConfigSerializeWrapper master) {
        synchronized (this) {
            if (master.getDataVersion() == null || dataVersion.equals(master.getDataVersion())) {
                return;
            }
            table.clear();
            table.putAll(master.getTopicConfigTable());
            dataVersion.assignNewOne(master.getDataVersion());
            persist();
            LOG.info("topic table replaced by the master's: {} topics", table.size());
        }
        changeListener.run();
    }

    public synchronized DataVersion dataVersion() {
        return dataVersion.copy();
    }

    public Map<String, TopicConfig> table() {
        return Collections.unmodifiableMap(table);
    }
}
