package io.apogee.tools.broker;

import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerRequests;
import io.apogee.tools.BrokerTarget;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "updateBrokerConfig", description = "Update broker's config.")
public final class UpdateBrokerConfigCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @ArgGroup(multiplicity = "1")
    private BrokerTarget target;

    @Option(names = {"-a", "--updateAllBroker"}, arity = "1", paramLabel = "<true|false>", description = "update all brokers include slave")
    private boolean includeSlaves;

    @Option(names = {"-k", "--key"}, required = true, description = "config key")
    private String key;

    @Option(names = {"-v", "--value"}, required = true, description = "config value")
    private String value;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            BrokerRequests requests = new BrokerRequests(session);
            List<String> addrs = includeSlaves ? target.allBrokers(session.admin()) : target.masters(session.admin());
            for (String addr : addrs) {
                requests.updateBrokerConfig(addr, key.trim(), value.trim());
                options.out().printf("update broker config success, %s%n", addr);
            }
        }
        return 0;
    }
}
