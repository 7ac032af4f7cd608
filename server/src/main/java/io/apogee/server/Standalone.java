package io.apogee.server;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.BrokerController;
import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.NamesrvController;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Path;

/**
 * A name server and a broker in one JVM, the broker registered with that name server. Used by
 * {@code apogee standalone} and embeddable in tests: ports 0 pick free ports, and
 * {@link #namesrvAddr()} / {@link #brokerAddr()} tell the ones chosen.
 */
public final class Standalone {
    public static final int DEFAULT_NAMESRV_PORT = 9876;

    private final NamesrvConfig namesrvConfig;
    private final NettyServerConfig namesrvServerConfig = new NettyServerConfig();
    private final BrokerConfig brokerConfig;
    private final MessageStoreConfig storeConfig;
    private NamesrvController namesrv;
    private BrokerController broker;

    public Standalone(NamesrvConfig namesrvConfig, int namesrvPort, BrokerConfig brokerConfig, MessageStoreConfig storeConfig) {
        this.namesrvConfig = namesrvConfig;
        this.namesrvServerConfig.setListenPort(namesrvPort);
        this.brokerConfig = brokerConfig;
        this.storeConfig = storeConfig;
    }

    /** Loopback only, free ports, everything under {@code dir}: the shape tests want. */
    public static Standalone forTests(Path dir) {
        NamesrvConfig namesrv = new NamesrvConfig();
        namesrv.setKvConfigPath(dir.resolve("namesrv").resolve("kvConfig.json").toString());
        BrokerConfig broker = new BrokerConfig();
        broker.setBrokerIP1("127.0.0.1");
        broker.setBrokerIP2("127.0.0.1");
        broker.setListenPort(0);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve("store").toString());
        // Small files keep a test's disk and page-cache footprint modest.
        store.setMappedFileSizeCommitLog(64 * 1024 * 1024);
        return new Standalone(namesrv, 0, broker, store);
    }

    public synchronized Standalone start() {
        namesrv = new NamesrvController(namesrvConfig, namesrvServerConfig);
        namesrv.start();
        brokerConfig.setNamesrvAddr(namesrvAddr());
        broker = new BrokerController(brokerConfig, new NettyServerConfig(), new NettyClientConfig(), new DefaultMessageStore(storeConfig));
        try {
            broker.start();
        } catch (RuntimeException e) {
            namesrv.shutdown();
            throw e;
        }
        return this;
    }

    /** Broker first, so it flushes, persists offsets and unregisters while the name server still listens. */
    public synchronized void shutdown() {
        if (broker != null) {
            broker.shutdown();
        }
        if (namesrv != null) {
            namesrv.shutdown();
        }
    }

    public String namesrvAddr() {
        return brokerConfig.getBrokerIP1() + ":" + namesrvPort();
    }

    public int namesrvPort() {
        return namesrv.localPort();
    }

    public String brokerAddr() {
        return broker.brokerAddr();
    }

    public BrokerController broker() {
        return broker;
    }

    public BrokerConfig brokerConfig() {
        return brokerConfig;
    }

    public MessageStoreConfig storeConfig() {
        return storeConfig;
    }
}
