package io.apogee.tools.broker;

import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerTarget;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "brokerStatus", description = "Fetch broker runtime status data.")
public final class BrokerStatusCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @ArgGroup(multiplicity = "1")
    private BrokerTarget target;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            for (String addr : target.allBrokers(session.admin())) {
                Map<String, String> stats = new TreeMap<>(session.admin().fetchBrokerRuntimeStats(addr).getTable());
                for (Map.Entry<String, String> e : stats.entrySet()) {
                    if (target.isCluster()) {
                        options.out().printf("%-24s %-32s: %s%n", addr, e.getKey(), e.getValue());
                    } else {
                        options.out().printf("%-32s: %s%n", e.getKey(), e.getValue());
                    }
                }
            }
        }
        return 0;
    }
}
