package io.apogee.tools.topic;

import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicSysFlag;
import io.apogee.protocol.namesrv.KvNamespace;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerTarget;
import io.apogee.tools.Clusters;
import io.apogee.tools.NameServerRequests;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "updateTopic", description = "Update or create topic.")
public final class UpdateTopicCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @ArgGroup(multiplicity = "1")
    private BrokerTarget target;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Option(names = {"-r", "--readQueueNums"}, defaultValue = "8", description = "set read queue nums (default: ${DEFAULT-VALUE})")
    private int readQueueNums;

    @Option(names = {"-w", "--writeQueueNums"}, defaultValue = "8", description = "set write queue nums (default: ${DEFAULT-VALUE})")
    private int writeQueueNums;

    @Option(names = {"-p", "--perm"}, defaultValue = "6", description = "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]")
    private int perm;

    @Option(names = {"-o", "--order"}, arity = "1", paramLabel = "<true|false>", description = "set topic's order(true|false)")
    private boolean order;

    @Option(names = {"-u", "--unit"}, arity = "1", paramLabel = "<true|false>", description = "is unit topic (true|false)")
    private boolean unit;

    @Option(names = {"-s", "--hasUnitSub"}, arity = "1", paramLabel = "<true|false>", description = "has unit sub (true|false)")
    private boolean hasUnitSub;

    @Override
    public Integer call() throws Exception {
        TopicConfig config = new TopicConfig(topic.trim(), readQueueNums, writeQueueNums, perm);
        config.setTopicSysFlag(TopicSysFlag.build(unit, hasUnitSub));
        config.setOrder(order);
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            for (String addr : target.masters(session.admin())) {
                session.admin().createAndUpdateTopicConfig(addr, config);
                out.printf("create topic to %s success.%n", addr);
            }
            if (order) {
                setOrderConf(out, session, config);
            }
        }
        out.printf("%s%n", config);
        return 0;
    }

    /**
     * An ordered topic's layout ({@code brokerName:queueNums;...}) goes to the name servers too, which
     * hand it out with the route: the whole cluster's with -c, this broker's merged in with -b.
     */
    private void setOrderConf(PrintWriter out, AdminSession session, TopicConfig config) throws Exception {
        NameServerRequests namesrv = new NameServerRequests(session);
        Clusters clusters = Clusters.fetch(session.admin());
        if (target.isCluster()) {
            String conf = clusters.brokers(target.clusterName()).stream()
                    .map(bd -> bd.getBrokerName() + ":" + config.getWriteQueueNums()).collect(Collectors.joining(";"));
            namesrv.putKvConfig(KvNamespace.ORDER_TOPIC_CONFIG, config.getTopicName(), conf);
            out.printf("set cluster orderConf. isOrder=%s, orderConf=[%s]%n", true, conf);
        } else {
            String brokerName = clusters.brokerNameAt(target.masters(session.admin()).get(0));
            String existing = namesrv.kvConfig(KvNamespace.ORDER_TOPIC_CONFIG, config.getTopicName());
            String conf = mergeOrderConf(existing, brokerName, config.getWriteQueueNums());
            namesrv.putKvConfig(KvNamespace.ORDER_TOPIC_CONFIG, config.getTopicName(), conf);
            out.printf("set broker orderConf. isOrder=%s, orderConf=[%s]%n", true, conf);
        }
    }

    /** {@code existing} with the broker's entry added or replaced. */
    static String mergeOrderConf(String existing, String brokerName, int queueNums) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : existing.split(";")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                entries.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
            }
        }
        entries.put(brokerName, String.valueOf(queueNums));
        return entries.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }
}
