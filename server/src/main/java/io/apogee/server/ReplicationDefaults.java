package io.apogee.server;

import io.apogee.broker.BrokerConfig;
import io.apogee.store.MessageStoreConfig;

/** The launchers' replication defaults, RocketMQ's: slaves reach a broker on listenPort + 1 unless haListenPort says otherwise. */
final class ReplicationDefaults {
    private ReplicationDefaults() {
    }

    /** An unset haListenPort becomes listenPort + 1 (a free port when listenPort is 0, i.e. also picked freely). */
    static void apply(BrokerConfig brokerConfig, MessageStoreConfig storeConfig) {
        if (storeConfig.getHaListenPort() < 0) {
            int listenPort = brokerConfig.getListenPort();
            storeConfig.setHaListenPort(listenPort == 0 ? 0 : listenPort + 1);
        }
    }
}
