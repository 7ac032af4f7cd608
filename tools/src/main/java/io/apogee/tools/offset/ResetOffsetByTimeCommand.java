package io.apogee.tools.offset;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.ResponseCode;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Clusters;
import io.apogee.tools.Texts;
import io.apogee.tools.Timestamps;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "resetOffsetByTime", description = "Reset consumer offset by timestamp(without client restart).")
public final class ResetOffsetByTimeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private AdminOptions options;

    @Option(names = {"-g", "--group"}, required = true, description = "set the consumer group")
    private String group;

    @Option(names = {"-t", "--topic"}, required = true, description = "set the topic")
    private String topic;

    @Option(names = {"-s", "--timestamp"}, required = true, description = "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    private String timestamp;

    @Option(names = {"-f", "--force"}, arity = "1", defaultValue = "true", paramLabel = "<true|false>",
            description = "also move offsets forward, not only back (default: ${DEFAULT-VALUE})")
    private boolean force;

    @Option(names = {"-b", "--broker"}, description = "broker addr (with -q: reset only that queue)")
    private String brokerAddr;

    @Option(names = {"-q", "--queue"}, description = "queue id (with -b)")
    private Integer queueId;

    @Option(names = {"-o", "--offset"}, description = "Expect queue offset (with -b and -q), instead of the timestamp's")
    private Long offset;

    @Override
    public Integer call() throws Exception {
        if ((brokerAddr == null) != (queueId == null) || offset != null && queueId == null) {
            throw new ParameterException(spec.commandLine(), "-b and -q go together, and -o needs both");
        }
        long millis = Timestamps.parse(timestamp, true);
        String g = group.trim();
        String t = topic.trim();
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            DefaultMQAdminExt admin = session.admin();
            if (queueId != null) {
                resetOneQueue(out, admin, g, t, millis);
                return 0;
            }
            Map<MessageQueue, Long> offsets;
            try {
                offsets = admin.resetOffsetByTimestamp(t, g, millis, force);
            } catch (MQBrokerException e) {
                if (e.getResponseCode() != ResponseCode.CONSUMER_NOT_ONLINE) {
                    throw e;
                }
                // Nobody to tell: the brokers' stored offsets are moved directly.
                out.printf("reset consumer offset by specified consumerGroup[%s], topic[%s], force[%s], timestamp(string)[%s], timestamp(long)[%s]%n",
                        g, t, force, timestamp, millis);
                new OffsetRollback(admin).rollback(g, t, millis, force).print(out);
                return 0;
            }
            out.printf("start reset consumer offset by specified, group[%s], topic[%s], force[%s], timestamp(string)[%s], timestamp(long)[%s]%n",
                    g, t, force, timestamp, millis);
            out.printf("%-40s  %-40s  %-40s%n", "#brokerName", "#queueId", "#offset");
            for (Map.Entry<MessageQueue, Long> e : new TreeMap<>(offsets).entrySet()) {
                out.printf("%-40s  %-40d  %-40d%n", Texts.clip(e.getKey().getBrokerName(), 32), e.getKey().getQueueId(), e.getValue());
            }
        }
        return 0;
    }

    private void resetOneQueue(PrintWriter out, DefaultMQAdminExt admin, String g, String t, long millis) throws Exception {
        String addr = brokerAddr.trim();
        out.printf("start reset consumer offset by specified, group[%s], topic[%s], queueId[%s], broker[%s], timestamp(string)[%s], timestamp(long)[%s]%n",
                g, t, queueId, addr, timestamp, millis);
        MessageQueue mq = new MessageQueue(t, Clusters.fetch(admin).brokerNameAt(addr), queueId);
        long target = offset != null ? offset : admin.searchOffset(mq, millis);
        admin.updateConsumeOffset(addr, g, mq, target);
        out.printf("reset consumer offset to %d%n", target);
    }
}
