package io.apogee.tools.consumer;

import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerTarget;
import io.apogee.tools.ConsumerGroups;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deleteSubGroup", description = "Delete subscription group from broker.")
public final class DeleteSubGroupCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @ArgGroup(multiplicity = "1")
    private BrokerTarget target;

    @Option(names = {"-g", "--groupName"}, required = true, description = "subscription group name")
    private String groupName;

    @Option(names = {"-r", "--removeOffset"}, arity = "1", paramLabel = "<true|false>", description = "remove offset")
    private boolean removeOffset;

    @Override
    public Integer call() throws Exception {
        String group = groupName.trim();
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            for (String addr : target.masters(session.admin())) {
                session.admin().deleteSubscriptionGroup(addr, group, removeOffset);
                if (target.isCluster()) {
                    out.printf("delete subscription group [%s] from broker [%s] in cluster [%s] success.%n", group, addr, target.clusterName());
                } else {
                    out.printf("delete subscription group [%s] from broker [%s] success.%n", group, addr);
                }
            }
            if (target.isCluster()) {
                // The group's retry and dead-letter topics go with it, as with the official tool.
                session.admin().deleteTopic(ConsumerGroups.RETRY_PREFIX + group, target.clusterName());
                session.admin().deleteTopic("%DLQ%" + group, target.clusterName());
            }
        }
        return 0;
    }
}
