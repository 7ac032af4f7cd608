package io.apogee.client.impl;

import io.apogee.client.ClientConfig;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The JVM-wide table of client instances: one per client id, shared by every producer and consumer with that id. */
public final class MQClientManager {
    private static final MQClientManager INSTANCE = new MQClientManager();
    private final ConcurrentMap<String, MQClientInstance> instances = new ConcurrentHashMap<>();

    private MQClientManager() {
    }

    public static MQClientManager getInstance() {
        return INSTANCE;
    }

    /** The instance for the config's client id, created (not started) from a copy of the config when missing. */
    public MQClientInstance getOrCreateMQClientInstance(ClientConfig config) {
        String clientId = config.buildMQClientId();
        return instances.computeIfAbsent(clientId, id -> {
            ClientConfig copy = new ClientConfig();
            config.copyClientConfigTo(copy);
            return new MQClientInstance(copy, id);
        });
    }

    void remove(String clientId) {
        instances.remove(clientId);
    }
}
