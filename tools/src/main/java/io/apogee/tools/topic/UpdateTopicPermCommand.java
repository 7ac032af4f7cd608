package io.apogee.tools.topic;

import io.apogee.protocol.PermName;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerTarget;
import io.apogee.tools.Clusters;
import io.apogee.tools.ToolException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Changes only the permission of a topic: queue numbers and flags are taken from its current route. */
@Command(name = "updateTopicPerm", description = "Update topic perm.")
public final class UpdateTopicPermCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @ArgGroup(multiplicity = "1")
    private BrokerTarget target;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Option(names = {"-p", "--perm"}, required = true, description = "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]")
    private int perm;

    @Override
    public Integer call() throws Exception {
        if (perm != PermName.PERM_WRITE && perm != PermName.PERM_READ && perm != PermName.READ_WRITE) {
            throw new ToolException("perm must be 2 (W), 4 (R) or 6 (RW), not " + perm);
        }
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            TopicRouteData route = session.admin().examineTopicRouteInfo(topic.trim());
            Clusters clusters = Clusters.fetch(session.admin());
            for (String addr : target.masters(session.admin())) {
                String brokerName = clusters.brokerNameAt(addr);
                QueueData queues = route.getQueueDatas().stream().filter(qd -> qd.getBrokerName().equals(brokerName)).findFirst()
                        .orElseThrow(() -> new ToolException("topic " + topic.trim() + " is not on broker " + brokerName + " (" + addr + ")"));
                if (queues.getPerm() == perm) {
                    out.printf("new perm equals to the old one!%n");
                    continue;
                }
                TopicConfig config = new TopicConfig(topic.trim(), queues.getReadQueueNums(), queues.getWriteQueueNums(), perm);
                config.setTopicSysFlag(queues.getTopicSysFlag());
                session.admin().createAndUpdateTopicConfig(addr, config);
                out.printf("update topic perm from %s to %s in %s success.%n", queues.getPerm(), perm, addr);
                out.printf("%s.%n", config);
            }
        }
        return 0;
    }
}
