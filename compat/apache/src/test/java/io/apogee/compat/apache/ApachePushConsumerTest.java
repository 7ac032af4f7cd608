package io.apogee.compat.apache;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link PushConsumerScenarios} against an Apache RocketMQ 5.2.0 name server and broker. */
class ApachePushConsumerTest extends PushConsumerScenarios {
    private static ApacheRocketMQCluster cluster;

    @BeforeAll
    static void startServers() throws Exception {
        cluster = ApacheRocketMQCluster.start(1, 1);
    }

    @AfterAll
    static void stopServers() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected String namesrvAddr() {
        return cluster.namesrvAddr();
    }
}
