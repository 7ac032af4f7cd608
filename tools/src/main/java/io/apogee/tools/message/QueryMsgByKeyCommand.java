package io.apogee.tools.message;

import io.apogee.common.message.MessageExt;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "queryMsgByKey", description = "Query Message by Key.")
public final class QueryMsgByKeyCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name")
    private String topic;

    @Option(names = {"-k", "--msgKey"}, required = true, description = "Message Key")
    private String key;

    @Option(names = {"-b", "--beginTimestamp"}, defaultValue = "0", description = "Begin timestamp(ms). default:0, eg:1676730526212")
    private long begin;

    @Option(names = {"-e", "--endTimestamp"}, defaultValue = "" + Long.MAX_VALUE, description = "End timestamp(ms). default:Long.MAX_VALUE, eg:1676730526212")
    private long end;

    @Option(names = {"-m", "--maxNum"}, defaultValue = "64", description = "The maximum number of messages returned by the query, default:64")
    private int maxNum;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            options.out().printf("%-50s %4s %40s%n", "#Message ID", "#QID", "#Offset");
            for (MessageExt msg : session.admin().queryMessage(topic.trim(), key.trim(), maxNum, begin, end).getMessageList()) {
                options.out().printf("%-50s %4d %40d%n", MessagePrinter.msgId(msg), msg.getQueueId(), msg.getQueueOffset());
            }
        }
        return 0;
    }
}
