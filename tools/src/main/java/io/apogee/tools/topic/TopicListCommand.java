package io.apogee.tools.topic;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.protocol.route.BrokerData;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.ConsumerGroups;
import io.apogee.tools.Texts;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "topicList", description = "Fetch all topic list from name server.")
public final class TopicListCommand implements Callable<Integer> {
    private static final String DLQ_PREFIX = "%DLQ%";

    @Mixin
    private AdminOptions options;

    @Option(names = {"-c", "--clusterModel"}, description = "clusterModel")
    private boolean clusterModel;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            DefaultMQAdminExt admin = session.admin();
            Set<String> topics = new TreeSet<>(admin.fetchAllTopicList().getTopicList());
            if (!clusterModel) {
                topics.forEach(out::println);
                return 0;
            }
            ClusterInfo clusters = admin.examineBrokerClusterInfo();
            out.printf("%-20s  %-48s  %-48s%n", "#Cluster Name", "#Topic", "#Consumer Group");
            for (String topic : topics) {
                if (topic.startsWith(ConsumerGroups.RETRY_PREFIX) || topic.startsWith(DLQ_PREFIX)) {
                    continue;
                }
                String cluster = clusterOf(admin, topic, clusters);
                for (String group : consumerGroups(admin, topic)) {
                    out.printf("%-20s  %-64s  %-64s%n", Texts.clip(cluster, 20), Texts.clip(topic, 64), Texts.clip(group, 64));
                }
            }
        }
        return 0;
    }

    /** The cluster of the topic's first broker; empty when the route cannot be read (the topic is listed anyway). */
    private static String clusterOf(DefaultMQAdminExt admin, String topic, ClusterInfo clusters) {
        try {
            List<BrokerData> brokers = admin.examineTopicRouteInfo(topic).getBrokerDatas();
            String brokerName = brokers.isEmpty() ? null : brokers.get(0).getBrokerName();
            for (Map.Entry<String, Set<String>> e : clusters.getClusterAddrTable().entrySet()) {
                if (e.getValue().contains(brokerName)) {
                    return e.getKey();
                }
            }
        } catch (Exception routeGone) {
            // deleted between the list and this lookup: still listed, without a cluster
        }
        return "";
    }

    private static List<String> consumerGroups(DefaultMQAdminExt admin, String topic) {
        try {
            List<String> groups = List.copyOf(admin.queryTopicConsumeByWho(topic).getGroupList());
            return groups.isEmpty() ? List.of("") : groups;
        } catch (Exception noGroups) {
            return List.of("");
        }
    }
}
