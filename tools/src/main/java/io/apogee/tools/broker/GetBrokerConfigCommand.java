package io.apogee.tools.broker;

import io.apogee.protocol.route.BrokerData;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerRequests;
import io.apogee.tools.BrokerTarget;
import io.apogee.tools.Clusters;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "getBrokerConfig", description = "Get broker config by cluster or special broker.")
public final class GetBrokerConfigCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @ArgGroup(multiplicity = "1")
    private BrokerTarget target;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            BrokerRequests requests = new BrokerRequests(session);
            if (!target.isCluster()) {
                String addr = target.masters(session.admin()).get(0);
                print(out, requests, "============" + addr + "============", addr);
                return 0;
            }
            for (BrokerData bd : Clusters.fetch(session.admin()).brokers(target.clusterName())) {
                String master = bd.masterAddr();
                if (master != null) {
                    print(out, requests, "============Master: " + master + "============", master);
                }
                for (Map.Entry<Long, String> e : new TreeMap<>(bd.getBrokerAddrs()).entrySet()) {
                    if (e.getKey() != BrokerData.MASTER_ID) {
                        print(out, requests, "============My Master: " + master + "=====Slave: " + e.getValue() + "============", e.getValue());
                    }
                }
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, BrokerRequests requests, String title, String addr) throws Exception {
        out.println(title);
        requests.brokerConfig(addr).forEach((key, value) -> out.printf("%-50s=  %s%n", key, value));
        out.printf("%n");
    }
}
