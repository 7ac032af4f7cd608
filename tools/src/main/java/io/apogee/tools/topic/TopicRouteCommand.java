package io.apogee.tools.topic;

import io.apogee.protocol.Json;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "topicRoute", description = "Examine topic route info.")
public final class TopicRouteCommand implements Callable<Integer> {
    private static final String FORMAT = "%-45s %-32s %-50s %-10s %-11s %-5s%n";

    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Option(names = {"-l", "--list"}, description = "Use list format to print data")
    private boolean list;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            TopicRouteData route = session.admin().examineTopicRouteInfo(topic.trim());
            if (list) {
                printTable(options.out(), route);
            } else {
                options.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(route));
            }
        }
        return 0;
    }

    private static void printTable(PrintWriter out, TopicRouteData route) {
        Map<String, QueueData> queues = new HashMap<>();
        route.getQueueDatas().forEach(qd -> queues.put(qd.getBrokerName(), qd));
        List<BrokerData> brokers = route.getBrokerDatas().stream().sorted(Comparator.comparing(BrokerData::getBrokerName)).toList();
        out.printf(FORMAT, "#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm");
        int totalRead = 0;
        int totalWrite = 0;
        for (BrokerData bd : brokers) {
            QueueData qd = queues.get(bd.getBrokerName());
            if (qd == null) {
                continue;
            }
            totalRead += qd.getReadQueueNums();
            totalWrite += qd.getWriteQueueNums();
            out.printf(FORMAT, bd.getCluster(), bd.getBrokerName(), new TreeMap<>(bd.getBrokerAddrs()),
                    qd.getReadQueueNums(), qd.getWriteQueueNums(), qd.getPerm());
        }
        out.println("-".repeat(158));
        out.printf(FORMAT, "Total:", queues.size(), "", totalRead, totalWrite, "");
    }
}
