package io.apogee.server;

import io.apogee.broker.BrokerConfig;
import io.apogee.namesrv.NamesrvConfig;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code apogee standalone [-c FILE] [key=value ...]}: a name server (namesrvPort, default 9876) and a
 * broker (listenPort, default 10911) in one process, data under ./data unless storePathRootDir is set.
 */
@Command(name = "standalone", mixinStandardHelpOptions = true,
        description = "Run a name server and a broker in one process: the quickest way to a working Apogee.")
public final class StandaloneCommand implements Callable<Integer> {
    @Mixin
    private ConfigOptions configOptions;

    /** Target for the one standalone-only property, the name server's port. */
    public static final class Ports {
        private int namesrvPort = Standalone.DEFAULT_NAMESRV_PORT;

        public int getNamesrvPort() {
            return namesrvPort;
        }

        public void setNamesrvPort(int namesrvPort) {
            this.namesrvPort = namesrvPort;
        }
    }

    @Override
    public Integer call() {
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        BrokerConfig brokerConfig = new BrokerConfig();
        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setStorePathRootDir(Path.of("data").toAbsolutePath().toString());
        String defaultKvPath = namesrvConfig.getKvConfigPath();
        Ports ports = new Ports();
        configOptions.applyTo(namesrvConfig, brokerConfig, storeConfig, ports);
        ReplicationDefaults.apply(brokerConfig, storeConfig);
        if (namesrvConfig.getKvConfigPath().equals(defaultKvPath)) {
            namesrvConfig.setKvConfigPath(Path.of(storeConfig.getStorePathRootDir(), "namesrv", "kvConfig.json").toString());
        }

        Standalone standalone = new Standalone(namesrvConfig, ports.getNamesrvPort(), brokerConfig, storeConfig).start();
        System.out.println("The Name Server boot success. listenPort=" + standalone.namesrvPort());
        System.out.printf("The broker[%s, %s] boot success. serializeType=JSON and name server is %s%n",
                brokerConfig.getBrokerName(), standalone.brokerAddr(), standalone.namesrvAddr());
        System.out.printf("Apogee standalone is up: name server %s, broker %s (cluster %s), data in %s%n",
                standalone.namesrvAddr(), standalone.brokerAddr(), brokerConfig.getBrokerClusterName(),
                storeConfig.getStorePathRootDir());
        System.out.printf("Try it: export NAMESRV_ADDR=%s%n", standalone.namesrvAddr());
        ShutdownSignal.awaitThenRun("standalone", standalone::shutdown);
        return 0;
    }
}
