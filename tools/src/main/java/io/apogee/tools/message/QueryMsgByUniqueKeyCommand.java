package io.apogee.tools.message;

import io.apogee.common.message.MessageExt;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.ToolException;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "queryMsgByUniqueKey", description = "Query Message by Unique key.")
public final class QueryMsgByUniqueKeyCommand implements Callable<Integer> {
    @Mixin
    private AdminOptions options;

    @Option(names = {"-i", "--msgId"}, required = true, description = "Message Id (the producer's unique key)")
    private String msgId;

    @Option(names = {"-t", "--topic"}, required = true, description = "The topic of msg")
    private String topic;

    @Option(names = {"-f", "--bodyFormat"}, paramLabel = "<charset>", description = "print message body by the specified format, eg: UTF-8")
    private Charset bodyCharset;

    @Override
    public Integer call() throws Exception {
        try (AdminSession session = options.connect()) {
            MessageExt msg = session.admin().viewMessage(topic.trim(), msgId.trim());
            if (msg == null) {
                throw new ToolException("message not found in topic " + topic.trim() + ": " + msgId.trim());
            }
            MessagePrinter.cardWithTracks(options.out(), session, msg, bodyCharset);
        }
        return 0;
    }
}
