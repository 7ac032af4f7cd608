package io.apogee.tools.connection;

import io.apogee.protocol.body.Connection;
import io.apogee.protocol.body.ConsumerConnection;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.BrokerRequests;
import io.apogee.tools.ConsumerGroups;
import io.apogee.tools.Texts;
import java.io.PrintWriter;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "consumerConnection", description = "Query consumer's socket connection, client version and subscription.")
public final class ConsumerConnectionCommand implements Callable<Integer> {
    private static final String CONNECTION_FORMAT = "%-36s %-22s %-10s %s%n";

    @Mixin
    private AdminOptions options;

    @Option(names = {"-g", "--consumerGroup"}, required = true, description = "consumer group name")
    private String consumerGroup;

    @Option(names = {"-b", "--brokerAddr"}, description = "broker address")
    private String brokerAddr;

    @Override
    public Integer call() throws Exception {
        String group = consumerGroup.trim();
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            ConsumerConnection cc = brokerAddr != null ? new BrokerRequests(session).consumerConnection(brokerAddr.trim(), group)
                    : ConsumerGroups.query(group, () -> session.admin().examineConsumerConnectionInfo(group));
            out.printf(CONNECTION_FORMAT, "#ClientId", "#ClientAddr", "#Language", "#Version");
            for (Connection conn : cc.getConnectionSet()) {
                out.printf(CONNECTION_FORMAT, conn.getClientId(), conn.getClientAddr(), conn.getLanguage(), Texts.version(conn.getVersion()));
            }
            out.printf("%nBelow is subscription:%n");
            out.printf("%-20s %s%n", "#Topic", "#SubExpression");
            for (SubscriptionData sd : new TreeMap<>(cc.getSubscriptionTable()).values()) {
                out.printf("%-20s %s%n", sd.getTopic(), sd.getSubString());
            }
            out.printf("%n");
            out.printf("ConsumeType: %s%n", cc.getConsumeType());
            out.printf("MessageModel: %s%n", cc.getMessageModel());
            out.printf("ConsumeFromWhere: %s%n", cc.getConsumeFromWhere());
        }
        return 0;
    }
}
