package io.apogee.tools.topic;

import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.protocol.route.BrokerData;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "topicClusterList", description = "Get cluster info for topic.")
public final class TopicClusterListCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            ClusterInfo clusters = session.admin().examineBrokerClusterInfo();
            Set<String> names = new TreeSet<>();
            for (BrokerData bd : session.admin().examineTopicRouteInfo(topic.trim()).getBrokerDatas()) {
                clusters.getClusterAddrTable().forEach((cluster, brokers) -> {
                    if (brokers.contains(bd.getBrokerName())) {
                        names.add(cluster);
                    }
                });
            }
            names.forEach(options.out()::println);
        }
        return 0;
    }
}
