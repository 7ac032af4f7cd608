package io.apogee.tools.topic;

import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.TopicOffset;
import io.apogee.protocol.body.TopicStatsTable;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Texts;
import io.apogee.tools.Timestamps;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "topicStatus", description = "Examine topic Status info.")
public final class TopicStatusCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            TopicStatsTable stats = session.admin().examineTopicStats(topic.trim());
            out.printf("%-32s  %-4s  %-20s  %-20s    %s%n", "#Broker Name", "#QID", "#Min Offset", "#Max Offset", "#Last Updated");
            for (Map.Entry<MessageQueue, TopicOffset> e : new TreeMap<>(stats.getOffsetTable()).entrySet()) {
                TopicOffset offsets = e.getValue();
                out.printf("%-32s  %-4d  %-20d  %-20d    %s%n", Texts.clip(e.getKey().getBrokerName(), 32), e.getKey().getQueueId(),
                        offsets.getMinOffset(), offsets.getMaxOffset(),
                        offsets.getLastUpdateTimestamp() > 0 ? Timestamps.human(offsets.getLastUpdateTimestamp()) : "");
            }
        }
        return 0;
    }
}
