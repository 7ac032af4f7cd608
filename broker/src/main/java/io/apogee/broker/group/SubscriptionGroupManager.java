package io.apogee.broker.group;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.config.DurableJsonFile;
import io.apogee.protocol.DataVersion;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.body.SubscriptionGroupWrapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Consumer-group settings, auto-created on first use when allowed, kept in subscriptionGroup.json. */
public class SubscriptionGroupManager {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGroupManager.class);

    private final BrokerConfig brokerConfig;
    private final DurableJsonFile file;
    private final ConcurrentMap<String, SubscriptionGroupConfig> table = new ConcurrentHashMap<>();
    private final DataVersion dataVersion = new DataVersion();

    public SubscriptionGroupManager(BrokerConfig brokerConfig, Path configDir) {
        this.brokerConfig = brokerConfig;
        this.file = new DurableJsonFile(configDir.resolve("subscriptionGroup.json"));
    }

    public synchronized void load() {
        file.load(SubscriptionGroupWrapper.class).ifPresent(saved -> {
            table.putAll(saved.getSubscriptionGroupTable());
            if (saved.getDataVersion() != null) {
                dataVersion.assignNewOne(saved.getDataVersion());
            }
        });
    }

    /** The group's config, created with defaults when auto-creation is on; null otherwise. */
    public SubscriptionGroupConfig findOrCreate(String group) {
        SubscriptionGroupConfig config = table.get(group);
        if (config != null || !brokerConfig.isAutoCreateSubscriptionGroup()) {
            return config;
        }
        synchronized (this) {
            config = table.get(group);
            if (config == null) {
                config = new SubscriptionGroupConfig();
                config.setGroupName(group);
                table.put(group, config);
                LOG.info("auto-created subscription group {}", group);
                changed();
            }
            return config;
        }
    }

    public SubscriptionGroupConfig find(String group) {
        return table.get(group);
    }

    public synchronized void update(SubscriptionGroupConfig config) {
        table.put(config.getGroupName(), config);
        LOG.info("subscription group {} updated", config.getGroupName());
        changed();
    }

    public synchronized boolean delete(String group) {
        if (table.remove(group) == null) {
            return false;
        }
        LOG.info("subscription group {} deleted", group);
        changed();
        return true;
    }

    /** A slave takes the master's groups whole when the master's data version differs from its own. */
    public synchronized void replaceWith(SubscriptionGroupWrapper master) {
        if (master.getDataVersion() == null || dataVersion.equals(master.getDataVersion())) {
            return;
        }
        table.clear();
        table.putAll(master.getSubscriptionGroupTable());
        dataVersion.assignNewOne(master.getDataVersion());
        file.save(snapshot());
        LOG.info("subscription groups replaced by the master's: {} groups", table.size());
    }

    private void changed() {
        dataVersion.nextVersion();
        file.save(snapshot());
    }

    public synchronized SubscriptionGroupWrapper snapshot() {
        SubscriptionGroupWrapper wrapper = new SubscriptionGroupWrapper();
        Map<String, SubscriptionGroupConfig> copy = new HashMap<>(table);
        wrapper.setSubscriptionGroupTable(copy);
        wrapper.setDataVersion(dataVersion.copy());
        return wrapper;
    }
}
