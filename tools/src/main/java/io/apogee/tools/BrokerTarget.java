package io.apogee.tools;

import io.apogee.client.admin.DefaultMQAdminExt;
import java.util.List;
import picocli.CommandLine.Option;

/** Exactly one of -b (one broker) or -c (every broker of a cluster), for the commands that act on brokers. */
public final class BrokerTarget {
    @Option(names = {"-b", "--brokerAddr"}, required = true, paramLabel = "<addr>", description = "broker address, eg: 192.168.0.1:10911")
    private String brokerAddr;

    @Option(names = {"-c", "--clusterName"}, required = true, paramLabel = "<cluster>", description = "cluster name")
    private String clusterName;

    public boolean isCluster() {
        return clusterName != null;
    }

    public String clusterName() {
        return clusterName.trim();
    }

    /** The broker given with -b, or the masters of the cluster given with -c. */
    public List<String> masters(DefaultMQAdminExt admin) throws Exception {
        return isCluster() ? Clusters.fetch(admin).masterAddrs(clusterName()) : List.of(brokerAddr.trim());
    }

    /** The broker given with -b, or every master and slave of the cluster given with -c. */
    public List<String> allBrokers(DefaultMQAdminExt admin) throws Exception {
        return isCluster() ? Clusters.fetch(admin).allAddrs(clusterName()) : List.of(brokerAddr.trim());
    }
}
