package io.apogee.tools.offset;

import io.apogee.common.message.MessageQueue;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Texts;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "getConsumerStatus", description = "get consumer status from client.")
public final class GetConsumerStatusCommand implements Callable<Integer> {
    private static final String FORMAT = "%-50s  %-15s  %-15s  %-20s%n";

    @Mixin
    private AdminOptions options;

    @Option(names = {"-g", "--group"}, required = true, description = "set the consumer group")
    private String group;

    @Option(names = {"-t", "--topic"}, required = true, description = "set the topic")
    private String topic;

    @Option(names = {"-i", "--originClientId"}, defaultValue = "", description = "set the consumer clientId")
    private String originClientId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            Map<String, Map<MessageQueue, Long>> status = session.admin().getConsumeStatus(topic.trim(), group.trim(), originClientId.trim());
            out.printf("get consumer status from client. group=%s, topic=%s, originClientId=%s%n", group.trim(), topic.trim(), originClientId.trim());
            out.printf(FORMAT, "#clientId", "#brokerName", "#queueId", "#offset");
            new TreeMap<>(status).forEach((clientId, offsets) -> new TreeMap<>(offsets).forEach((mq, offset) ->
                    out.printf(FORMAT, Texts.clip(clientId, 50), mq.getBrokerName(), mq.getQueueId(), offset)));
        }
        return 0;
    }
}
