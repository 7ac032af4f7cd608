package io.apogee.tools.message;

import io.apogee.common.message.MessageQueue;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Timestamps;
import io.apogee.tools.message.QueueReader.RangeEnd;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "consumeMessage", description = "Consume message.")
public final class ConsumeMessageCommand implements Callable<Integer> {
    private static final int BATCH = 32;

    @Spec
    private CommandSpec spec;

    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name")
    private String topic;

    @Option(names = {"-b", "--brokerName"}, description = "Broker name")
    private String brokerName;

    @Option(names = {"-i", "--queueId"}, description = "Queue Id (with -b)")
    private Integer queueId;

    @Option(names = {"-o", "--offset"}, description = "Queue offset (with -i)")
    private Long offset;

    @Option(names = {"-g", "--consumerGroup"}, defaultValue = QueueReader.TOOLS_CONSUMER_GROUP,
            description = "Consumer group name (default: ${DEFAULT-VALUE}); no offset is committed")
    private String consumerGroup;

    @Option(names = {"-s", "--beginTimestamp"}, description = "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    private String begin;

    @Option(names = {"-e", "--endTimestamp"}, description = "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    private String end;

    @Option(names = {"-c", "--MessageNumber"}, defaultValue = "128", description = "Number of message to be consumed (default: ${DEFAULT-VALUE})")
    private long count;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        long beginMillis = begin == null ? 0 : Timestamps.parse(begin, false);
        long endMillis = end == null ? 0 : Timestamps.parse(end, false);
        long now = System.currentTimeMillis();
        if (beginMillis > now || endMillis > now || end != null && beginMillis > endMillis) {
            throw new ParameterException(spec.commandLine(), "the time range must lie in the past, begin before end");
        }
        try (AdminSession session = options.connect()) {
            QueueReader reader = new QueueReader(session, consumerGroup.trim());
            Set<MessageQueue> queues = queueId == null ? reader.queues(topic.trim())
                    : Set.of(new MessageQueue(topic.trim(), brokerName.trim(), queueId));
            long left = count;
            for (MessageQueue mq : queues) {
                if (left <= 0) {
                    break;
                }
                long from = beginMillis > 0 ? reader.searchOffset(mq, beginMillis) : reader.minOffset(mq);
                long to = endMillis > 0 ? reader.searchOffset(mq, endMillis) : reader.maxOffset(mq);
                if (offset != null) {
                    from = Math.max(from, offset);
                }
                left -= read(options.out(), reader, mq, from, to, left);
            }
        }
        return 0;
    }

    private void checkArguments() {
        if (count <= 0) {
            throw new ParameterException(spec.commandLine(), "Please input a positive messageNumber!");
        }
        if (queueId != null && brokerName == null) {
            throw new ParameterException(spec.commandLine(), "Please set the brokerName before queueId!");
        }
        if (offset != null && queueId == null) {
            throw new ParameterException(spec.commandLine(), "Please set queueId before offset!");
        }
    }

    private static long read(PrintWriter out, QueueReader reader, MessageQueue mq, long from, long to, long limit) throws Exception {
        if (to - from > limit) {
            out.printf("The older %d message of the %d queue will be provided%n", limit, mq.getQueueId());
        }
        RangeEnd end = reader.readRange(mq, "*", from, to, limit, BATCH, batch -> {
            out.printf("Consume ok%n");
            batch.forEach(msg -> MessagePrinter.line(out, msg, StandardCharsets.UTF_8, true));
        });
        out.printf("%s print msg finished. status=%s, offset=%s%n", mq, end.status(), end.nextOffset());
        return end.messages();
    }
}
