package io.apogee.compat.apache;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.BrokerController;
import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.NamesrvController;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** {@link FailoverScenarios} against two embedded Apogee name servers and brokers (stopped in place of a kill). */
class ApogeeFailoverTest extends FailoverScenarios {
    @TempDir
    static Path dir;
    private static final List<NamesrvController> NAMESRVS = new ArrayList<>();
    private static final Map<String, BrokerController> BROKERS = new LinkedHashMap<>();

    @BeforeAll
    static void startServers() {
        for (int i = 0; i < 2; i++) {
            NamesrvConfig config = new NamesrvConfig();
            config.setKvConfigPath(dir.resolve("namesrv-" + i).resolve("kvConfig.json").toString());
            NettyServerConfig server = new NettyServerConfig();
            server.setListenPort(0);
            NamesrvController namesrv = new NamesrvController(config, server);
            namesrv.start();
            NAMESRVS.add(namesrv);
        }
        String namesrvAddr = String.join(";", addrs());
        for (String name : List.of("broker-a", "broker-b")) {
            BrokerConfig config = new BrokerConfig();
            config.setBrokerClusterName(CLUSTER);
            config.setBrokerName(name);
            config.setBrokerIP1("127.0.0.1");
            config.setListenPort(0);
            config.setNamesrvAddr(namesrvAddr);
            MessageStoreConfig store = new MessageStoreConfig();
            store.setStorePathRootDir(dir.resolve(name).toString());
            store.setMappedFileSizeCommitLog(64 * 1024 * 1024);
            BrokerController broker = new BrokerController(config, new NettyServerConfig(), new NettyClientConfig(),
                    new DefaultMessageStore(store));
            broker.start();
            BROKERS.put(name, broker);
        }
    }

    @AfterAll
    static void stopServers() {
        BROKERS.values().forEach(BrokerController::shutdown);
        NAMESRVS.forEach(NamesrvController::shutdown);
    }

    private static List<String> addrs() {
        return NAMESRVS.stream().map(n -> "127.0.0.1:" + n.localPort()).toList();
    }

    @Override
    protected List<String> namesrvAddrs() {
        return addrs();
    }

    @Override
    protected void killBroker(String brokerName) {
        BROKERS.get(brokerName).shutdown();
    }

    @Override
    protected void killNamesrv(int index) {
        NAMESRVS.get(index).shutdown();
    }
}
