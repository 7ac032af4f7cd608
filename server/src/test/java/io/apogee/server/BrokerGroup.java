package io.apogee.server;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.BrokerController;
import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.NamesrvController;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.BrokerRole;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One broker group in this JVM behind its own name server: a master (brokerId 0) and optionally a
 * slave (brokerId 1) replicating from it. Loopback only, free ports (replication too), each broker's
 * store under its own folder of {@code dir}, so a stopped broker restarts where it was. Shared with
 * the compat modules through this module's test jar.
 */
public final class BrokerGroup implements AutoCloseable {
    public static final String BROKER_NAME = "broker-a";

    private final Path dir;
    private final BrokerRole masterRole;
    private final Consumer<MessageStoreConfig> tune;
    private final NamesrvController namesrv;
    private volatile BrokerController master;
    private volatile BrokerController slave;

    private BrokerGroup(Path dir, BrokerRole masterRole, Consumer<MessageStoreConfig> tune) {
        this.dir = dir;
        this.masterRole = masterRole;
        this.tune = tune;
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv").resolve("kvConfig.json").toString());
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setListenPort(0);
        this.namesrv = new NamesrvController(namesrvConfig, serverConfig);
    }

    /**
     * Starts the name server and the master ({@code masterRole}), then the slave when asked for.
     * {@code tune} adjusts every broker's store config (commit-log file size, ...) before it starts.
     */
    public static BrokerGroup start(Path dir, BrokerRole masterRole, boolean withSlave, Consumer<MessageStoreConfig> tune) {
        BrokerGroup group = new BrokerGroup(dir, masterRole, tune);
        group.namesrv.start();
        try {
            group.startMaster();
            if (withSlave) {
                group.startSlave();
            }
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    public String namesrvAddr() {
        return "127.0.0.1:" + namesrv.localPort();
    }

    /** Null while stopped. */
    public BrokerController master() {
        return master;
    }

    /** Null while stopped or never started. */
    public BrokerController slave() {
        return slave;
    }

    public BrokerController startMaster() {
        master = startBroker("master", 0, masterRole);
        return master;
    }

    public BrokerController startSlave() {
        slave = startBroker("slave", 1, BrokerRole.SLAVE);
        return slave;
    }

    /**
     * RocketMQ's manual failover: the slave is stopped and started again from its own store as the
     * master (brokerId 0, the group's master role). Stop the old master first.
     */
    public BrokerController promoteSlave() {
        stopSlave();
        master = startBroker("slave", 0, masterRole);
        return master;
    }

    /** Shuts the master down cleanly (it unregisters, so routes name only the slave). */
    public void stopMaster() {
        if (master != null) {
            master.shutdown();
            master = null;
        }
    }

    public void stopSlave() {
        if (slave != null) {
            slave.shutdown();
            slave = null;
        }
    }

    private BrokerController startBroker(String folder, long brokerId, BrokerRole role) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName(BROKER_NAME);
        config.setBrokerId(brokerId);
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setListenPort(0);
        config.setNamesrvAddr(namesrvAddr());
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setStorePathRootDir(dir.resolve(folder).toString());
        storeConfig.setMappedFileSizeCommitLog(64 * 1024 * 1024);
        storeConfig.setBrokerRole(role);
        storeConfig.setHaListenPort(0);
        tune.accept(storeConfig);
        BrokerController broker = new BrokerController(config, new NettyServerConfig(), new NettyClientConfig(),
                new DefaultMessageStore(storeConfig));
        broker.start();
        return broker;
    }

    /** Slave first, so the master never waits on a slave that is going away; the name server last. */
    @Override
    public void close() {
        stopSlave();
        stopMaster();
        namesrv.shutdown();
    }
}
