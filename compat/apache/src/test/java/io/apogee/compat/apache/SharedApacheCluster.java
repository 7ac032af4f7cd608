package io.apogee.compat.apache;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One Apache name server + broker shared by every scenario class of a test run: starting them is the
 * slowest part of these tests. They are killed when the test JVM exits.
 */
final class SharedApacheCluster {
    private static ApacheRocketMQCluster cluster;

    private SharedApacheCluster() {
    }

    static synchronized String namesrvAddr() {
        if (cluster == null) {
            try {
                cluster = ApacheRocketMQCluster.start(1, 1, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "apache-rocketmq-stopper"));
        }
        return cluster.namesrvAddr();
    }
}
