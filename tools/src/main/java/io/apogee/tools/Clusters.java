package io.apogee.tools;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.protocol.route.BrokerData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The name servers' view of clusters and brokers, as the commands that take -c or -b need it. */
public final class Clusters {
    private final ClusterInfo info;

    private Clusters(ClusterInfo info) {
        this.info = info;
    }

    public static Clusters fetch(DefaultMQAdminExt admin) throws Exception {
        return new Clusters(admin.examineBrokerClusterInfo());
    }

    public ClusterInfo info() {
        return info;
    }

    /** The cluster's brokers ordered by name; fails when the name servers know no such cluster. */
    public List<BrokerData> brokers(String cluster) throws ToolException {
        Set<String> names = info.getClusterAddrTable().get(cluster);
        if (names == null) {
            throw new ToolException("cluster " + cluster + " does not exist (known: " + new TreeSet<>(info.getClusterAddrTable().keySet()) + ")");
        }
        List<BrokerData> brokers = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            BrokerData bd = info.getBrokerAddrTable().get(name);
            if (bd != null) {
                brokers.add(bd);
            }
        }
        return brokers;
    }

    public List<String> masterAddrs(String cluster) throws ToolException {
        return brokers(cluster).stream().map(BrokerData::masterAddr).filter(Objects::nonNull).toList();
    }

    /** Masters and slaves, each broker's addresses by broker id. */
    public List<String> allAddrs(String cluster) throws ToolException {
        List<String> addrs = new ArrayList<>();
        for (BrokerData bd : brokers(cluster)) {
            addrs.addAll(new TreeMap<>(bd.getBrokerAddrs()).values());
        }
        return addrs;
    }

    /** The name of the broker listening at {@code addr}, or fails when no registered broker has that address. */
    public String brokerNameAt(String addr) throws ToolException {
        for (BrokerData bd : info.getBrokerAddrTable().values()) {
            for (Map.Entry<Long, String> e : bd.getBrokerAddrs().entrySet()) {
                if (e.getValue().equals(addr)) {
                    return bd.getBrokerName();
                }
            }
        }
        throw new ToolException("no broker registered at " + addr);
    }
}
