package io.apogee.compat.apache;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link FailoverScenarios} against two Apache RocketMQ 5.2.0 name servers and brokers (child JVMs, killed hard). */
class ApacheFailoverTest extends FailoverScenarios {
    private static ApacheRocketMQCluster cluster;

    @BeforeAll
    static void startServers() throws Exception {
        cluster = ApacheRocketMQCluster.start(2, 2);
    }

    @AfterAll
    static void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected List<String> namesrvAddrs() {
        return cluster.namesrvAddrList();
    }

    @Override
    protected void killBroker(String brokerName) {
        cluster.killBroker(brokerName);
    }

    @Override
    protected void killNamesrv(int index) {
        cluster.killNamesrv(index);
    }
}
