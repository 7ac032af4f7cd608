package io.apogee.tools.consumer;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.Connection;
import io.apogee.protocol.body.ConsumeStats;
import io.apogee.protocol.body.ConsumeType;
import io.apogee.protocol.body.ConsumerConnection;
import io.apogee.protocol.body.OffsetWrapper;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.ConsumerGroups;
import io.apogee.tools.Texts;
import io.apogee.tools.Timestamps;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "consumerProgress", description = "Query consumer's progress, speed.")
public final class ConsumerProgressCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerProgressCommand.class);
    private static final String QUEUE_HEAD = "%-64s  %-32s  %-4s  %-20s  %-20s  ";
    private static final String QUEUE_ROW = "%-64s  %-32s  %-4d  %-20d  %-20d  ";
    private static final String GROUP_FORMAT = "%-64s  %-6s  %-24s %-5s  %-14s  %-7s  %s%n";

    @Mixin
    private AdminOptions options;

    @Option(names = {"-g", "--groupName"}, description = "consumer group name")
    private String groupName;

    @Option(names = {"-t", "--topicName"}, description = "topic name")
    private String topicName;

    @Option(names = {"-s", "--showClientIP"}, arity = "1", paramLabel = "<true|false>", description = "Show Client IP per Queue")
    private boolean showClientIP;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            if (groupName != null) {
                printGroup(options.out(), session.admin(), groupName.trim());
            } else {
                printAllGroups(options.out(), session.admin());
            }
        }
        return 0;
    }

    private void printGroup(PrintWriter out, DefaultMQAdminExt admin, String group) throws Exception {
        ConsumeStats stats = topicName == null ? ConsumerGroups.query(group, () -> admin.examineConsumeStats(group))
                : admin.examineConsumeStats(group, topicName.trim());
        Map<MessageQueue, String> clients = showClientIP ? clientIpByQueue(admin, group) : Map.of();
        out.printf(QUEUE_HEAD, "#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset");
        out.printf((showClientIP ? "%-20s " : "%s") + "%-20s %-20s%s%n", showClientIP ? "#Client IP" : "", "#Diff", "#Inflight", "#LastTime");
        long diffTotal = 0;
        long inflightTotal = 0;
        for (Map.Entry<MessageQueue, OffsetWrapper> e : new TreeMap<>(stats.getOffsetTable()).entrySet()) {
            MessageQueue mq = e.getKey();
            OffsetWrapper offsets = e.getValue();
            long diff = offsets.getBrokerOffset() - offsets.getConsumerOffset();
            long inflight = offsets.getPullOffset() - offsets.getConsumerOffset();
            diffTotal += diff;
            inflightTotal += inflight;
            out.printf(QUEUE_ROW, Texts.clip(mq.getTopic(), 64), Texts.clip(mq.getBrokerName(), 32), mq.getQueueId(),
                    offsets.getBrokerOffset(), offsets.getConsumerOffset());
            if (showClientIP) {
                out.printf("%-20s ", clients.getOrDefault(mq, "N/A"));
            }
            out.printf("%-20d %-20d %s%n", diff, inflight,
                    offsets.getLastTimestamp() == 0 ? "N/A" : Timestamps.seconds(offsets.getLastTimestamp()));
        }
        out.printf("%n");
        out.printf("Consume TPS: %.2f%n", stats.getConsumeTps());
        out.printf("Consume Diff Total: %d%n", diffTotal);
        out.printf("Consume Inflight Total: %d%n", inflightTotal);
    }

    /** Which client (by IP) each queue is allocated to, as the online consumers report it. */
    private static Map<MessageQueue, String> clientIpByQueue(DefaultMQAdminExt admin, String group) {
        Map<MessageQueue, String> result = new HashMap<>();
        try {
            for (Connection conn : admin.examineConsumerConnectionInfo(group).getConnectionSet()) {
                String ip = conn.getClientId().split("@")[0];
                admin.getConsumerRunningInfo(group, conn.getClientId(), false).getMqTable().keySet().forEach(mq -> result.put(mq, ip));
            }
        } catch (Exception e) {
            LOG.warn("no queue allocation of {}: {}", group, e.toString());
        }
        return result;
    }

    /** One line per group that has a retry topic (every group that ever consumed), online or not. */
    private static void printAllGroups(PrintWriter out, DefaultMQAdminExt admin) throws Exception {
        out.printf(GROUP_FORMAT, "#Group", "#Count", "#Version", "#Type", "#Model", "#TPS", "#Diff Total");
        for (String topic : new TreeSet<>(admin.fetchAllTopicList().getTopicList())) {
            if (!topic.startsWith(ConsumerGroups.RETRY_PREFIX)) {
                continue;
            }
            String group = topic.substring(ConsumerGroups.RETRY_PREFIX.length());
            ConsumeStats stats = quietly(() -> admin.examineConsumeStats(group), group);
            ConsumerConnection cc = quietly(() -> admin.examineConsumerConnectionInfo(group), group);
            int count = cc == null ? 0 : cc.getConnectionSet().size();
            boolean push = count > 0 && cc.getConsumeType() == ConsumeType.CONSUME_PASSIVELY;
            out.printf(GROUP_FORMAT, Texts.clip(group, 64), count,
                    count > 0 ? Texts.version(cc.getConnectionSet().stream().mapToInt(Connection::getVersion).min().orElse(0)) : "OFFLINE",
                    count > 0 ? (push ? "PUSH" : "PULL") : "",
                    push && cc.getMessageModel() != null ? cc.getMessageModel().name() : "",
                    stats == null ? 0 : (int) stats.getConsumeTps(),
                    stats == null ? 0 : stats.getOffsetTable().values().stream().mapToLong(o -> o.getBrokerOffset() - o.getConsumerOffset()).sum());
        }
    }

    /** An offline or half-gone group still gets its line: a failed lookup leaves its columns empty. */
    private static <T> T quietly(ConsumerGroups.Query<T> query, String group) {
        try {
            return query.get();
        } catch (Exception e) {
            LOG.warn("group {}: {}", group, e.toString());
            return null;
        }
    }
}
