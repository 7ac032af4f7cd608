package io.apogee.tools.message;

import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.common.message.MessageQueue;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.ToolException;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "queryMsgByOffset", description = "Query Message by offset.")
public final class QueryMsgByOffsetCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Option(names = {"-b", "--brokerName"}, required = true, description = "Broker Name")
    private String brokerName;

    @Option(names = {"-i", "--queueId"}, required = true, description = "Queue Id")
    private int queueId;

    @Option(names = {"-o", "--offset"}, required = true, description = "Queue Offset")
    private long offset;

    @Option(names = {"-f", "--bodyFormat"}, paramLabel = "<charset>", description = "print message body by the specified format, eg: UTF-8")
    private Charset bodyCharset;

    @Override
    public Integer call() throws Exception {
        MessageQueue mq = new MessageQueue(topic.trim(), brokerName.trim(), queueId);
        try (AdminSession session = options.connect()) {
            session.admin().examineTopicRouteInfo(mq.getTopic()); // an unknown topic fails here, clearly
            PullResult result = new QueueReader(session, QueueReader.TOOLS_CONSUMER_GROUP).pull(mq, "*", offset, 1);
            if (result.getPullStatus() != PullStatus.FOUND || result.getMsgFoundList().isEmpty()) {
                throw new ToolException("no message at offset " + offset + " of " + mq + " (" + result.getPullStatus() + ")");
            }
            MessagePrinter.cardWithTracks(options.out(), session, result.getMsgFoundList().get(0), bodyCharset);
        }
        return 0;
    }
}
