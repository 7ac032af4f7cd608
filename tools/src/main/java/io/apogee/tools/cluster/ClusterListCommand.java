package io.apogee.tools.cluster;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.protocol.route.BrokerData;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Clusters;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "clusterList", description = "List cluster infos.")
public final class ClusterListCommand implements Callable<Integer> {
    private static final String BASE_FORMAT = "%-22s  %-22s  %-4s  %-22s %-16s  %16s  %30s  %-22s  %11s  %-12s  %-8s  %10s%n";
    private static final String MORE_FORMAT = "%-16s  %-32s %14s %14s %14s %14s%n";

    @Mixin
    private AdminOptions options;

    @Option(names = {"-m", "--moreStats"}, description = "Print more stats")
    private boolean moreStats;

    @Option(names = {"-i", "--interval"}, paramLabel = "<seconds>", description = "print again every this many seconds, until interrupted")
    private Long intervalSeconds;

    @Option(names = {"-c", "--clusterName"}, description = "which cluster")
    private String clusterName;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            DefaultMQAdminExt admin = session.admin();
            while (true) {
                Clusters clusters = Clusters.fetch(admin);
                Set<String> names = clusterName == null ? new TreeSet<>(clusters.info().getClusterAddrTable().keySet())
                        : Set.of(clusterName.trim());
                if (moreStats) {
                    printMoreStats(out, admin, clusters, names);
                } else {
                    printBaseInfo(out, admin, clusters, names);
                }
                out.flush();
                if (intervalSeconds == null) {
                    return 0;
                }
                Thread.sleep(intervalSeconds * 1000);
            }
        }
    }

    private static void printBaseInfo(PrintWriter out, DefaultMQAdminExt admin, Clusters clusters, Set<String> names) throws Exception {
        out.printf(BASE_FORMAT, "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)", "#OutTPS(LOAD)",
                "#Timer(Progress)", "#PCWait(ms)", "#Hour", "#SPACE", "#ACTIVATED");
        for (String cluster : names) {
            for (BrokerData bd : clusters.brokers(cluster)) {
                for (Map.Entry<Long, String> broker : new TreeMap<>(bd.getBrokerAddrs()).entrySet()) {
                    RuntimeStats stats = RuntimeStats.fetch(admin, broker.getValue());
                    out.printf(BASE_FORMAT, cluster, bd.getBrokerName(), broker.getKey(), broker.getValue(),
                            stats.text("brokerVersionDesc", ""),
                            String.format("%9.2f(%s,%sms)", stats.firstTps("putTps"),
                                    stats.text("sendThreadPoolQueueSize", ""), stats.text("sendThreadPoolQueueHeadWaitTimeMills", "")),
                            String.format("%9.2f(%s,%sms|%s,%sms)", stats.firstTps("getTransferredTps"),
                                    stats.text("pullThreadPoolQueueSize", ""), stats.text("pullThreadPoolQueueHeadWaitTimeMills", ""),
                                    stats.text("ackThreadPoolQueueSize", "N"), stats.text("ackThreadPoolQueueHeadWaitTimeMills", "N")),
                            String.format("%d-%d(%.1fw, %.1f, %.1f)", stats.number("timerReadBehind"), stats.number("timerOffsetBehind"),
                                    stats.number("timerCongestNum") / 10000.0f, stats.decimal("timerEnqueueTps"), stats.decimal("timerDequeueTps")),
                            stats.text("pageCacheLockTimeMills", ""),
                            String.format("%2.2f", stats.hoursSinceEarliestMessage()),
                            String.format("%.4f", stats.decimal("commitLogDiskRatio")),
                            Boolean.parseBoolean(stats.text("brokerActive", "false")));
                }
            }
        }
    }

    private static void printMoreStats(PrintWriter out, DefaultMQAdminExt admin, Clusters clusters, Set<String> names) throws Exception {
        out.printf(MORE_FORMAT, "#Cluster Name", "#Broker Name", "#InTotalYest", "#OutTotalYest", "#InTotalToday", "#OutTotalToday");
        for (String cluster : names) {
            for (BrokerData bd : clusters.brokers(cluster)) {
                for (String addr : new TreeMap<>(bd.getBrokerAddrs()).values()) {
                    RuntimeStats stats = RuntimeStats.fetch(admin, addr);
                    out.printf(MORE_FORMAT, cluster, bd.getBrokerName(),
                            stats.number("msgPutTotalTodayMorning") - stats.number("msgPutTotalYesterdayMorning"),
                            stats.number("msgGetTotalTodayMorning") - stats.number("msgGetTotalYesterdayMorning"),
                            stats.number("msgPutTotalTodayNow") - stats.number("msgPutTotalTodayMorning"),
                            stats.number("msgGetTotalTodayNow") - stats.number("msgGetTotalTodayMorning"));
                }
            }
        }
    }
}
