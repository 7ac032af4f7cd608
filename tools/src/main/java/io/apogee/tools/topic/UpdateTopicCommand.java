package io.apogee.tools.topic;

import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicSysFlag;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerTarget;
import io.apogee.tools.Clusters;
import java.io.PrintWriter;
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

    /** An ordered topic's layout goes to the name servers too: the whole cluster's with -c, this broker's merged in with -b. */
    private void setOrderConf(PrintWriter out, AdminSession session, TopicConfig config) throws Exception {
        OrderConf orderConf = new OrderConf(session);
        Clusters clusters = Clusters.fetch(session.admin());
        if (target.isCluster()) {
            String conf = clusters.brokers(target.clusterName()).stream()
                    .map(bd -> bd.getBrokerName() + ":" + config.getWriteQueueNums()).collect(Collectors.joining(";"));
            orderConf.put(config.getTopicName(), conf);
            out.printf("set cluster orderConf. isOrder=%s, orderConf=[%s]%n", true, conf);
        } else {
            String brokerName = clusters.brokerNameAt(target.masters(session.admin()).get(0));
            String conf = OrderConf.merge(orderConf.get(config.getTopicName()), brokerName, config.getWriteQueueNums());
            orderConf.put(config.getTopicName(), conf);
            out.printf("set broker orderConf. isOrder=%s, orderConf=[%s]%n", true, conf);
        }
    }
}
