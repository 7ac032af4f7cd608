package io.apogee.tools.message;

import io.apogee.client.consumer.PullStatus;
import io.apogee.common.message.MessageQueue;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.Timestamps;
import io.apogee.tools.message.QueueReader.RangeEnd;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "printMsg", description = "Print Message Detail.")
public final class PrintMsgCommand implements Callable<Integer> {
    private static final int BATCH = 32;

    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Option(names = {"-c", "--charsetName"}, defaultValue = "UTF-8", description = "CharsetName(eg: UTF-8,GBK)")
    private Charset charset;

    @Option(names = {"-s", "--subExpression"}, defaultValue = "*", description = "Subscribe Expression(eg: TagA || TagB)")
    private String subExpression;

    @Option(names = {"-b", "--beginTimestamp"}, description = "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    private String begin;

    @Option(names = {"-e", "--endTimestamp"}, description = "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    private String end;

    @Option(names = {"-d", "--printBody"}, arity = "1", defaultValue = "true", paramLabel = "<true|false>", description = "print body")
    private boolean printBody;

    @Override
    public Integer call() throws Exception {
        Long beginMillis = begin == null ? null : Timestamps.parse(begin, false);
        Long endMillis = end == null ? null : Timestamps.parse(end, false);
        PrintWriter out = options.out();
        try (AdminSession session = options.connect()) {
            QueueReader reader = new QueueReader(session, QueueReader.TOOLS_CONSUMER_GROUP);
            for (MessageQueue mq : reader.queues(topic.trim())) {
                long from = beginMillis != null ? reader.searchOffset(mq, beginMillis) : reader.minOffset(mq);
                long to = endMillis != null ? reader.searchOffset(mq, endMillis) : reader.maxOffset(mq);
                out.printf("minOffset=%s, maxOffset=%s, %s%n", from, to, mq);
                RangeEnd last = reader.readRange(mq, subExpression.trim(), from, to, Long.MAX_VALUE, BATCH,
                        batch -> batch.forEach(msg -> MessagePrinter.line(out, msg, charset, printBody)));
                if (last.status() == PullStatus.NO_MATCHED_MSG) {
                    out.printf("%s no matched msg. status=%s, offset=%s%n", mq, last.status(), last.nextOffset());
                } else if (last.nextOffset() < to) {
                    out.printf("%s print msg finished. status=%s, offset=%s%n", mq, last.status(), last.nextOffset());
                }
                out.printf("--------------------------------------------------------%n");
            }
        }
        return 0;
    }
}
