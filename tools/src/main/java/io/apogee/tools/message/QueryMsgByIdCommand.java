package io.apogee.tools.message;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.common.message.MessageExt;
import io.apogee.tools.AdminOptions;
import io.apogee.tools.AdminSession;
import io.apogee.tools.ToolException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "queryMsgById", description = "Query Message by Id.")
public final class QueryMsgByIdCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(QueryMsgByIdCommand.class);

    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "topic name")
    private String topic;

    @Option(names = {"-i", "--msgId"}, required = true, split = ",", description = "Message Id: the unique id sendMessage printed, or the offset id; several separated by ','")
    private List<String> msgIds;

    @Option(names = {"-f", "--bodyFormat"}, paramLabel = "<charset>", description = "print message body by the specified format, eg: UTF-8")
    private Charset bodyCharset;

    @Override
    public Integer call() throws Exception {
        List<String> missing = new ArrayList<>();
        try (AdminSession session = options.connect()) {
            boolean first = true;
            for (String raw : msgIds) {
                String id = raw.trim();
                if (id.isEmpty()) {
                    continue;
                }
                MessageExt msg = find(session.admin(), topic.trim(), id);
                if (msg == null) {
                    missing.add(id);
                    continue;
                }
                if (!first) {
                    options.out().println();
                }
                MessagePrinter.cardWithTracks(options.out(), session, msg, bodyCharset);
                first = false;
            }
        }
        if (!missing.isEmpty()) {
            throw new ToolException("message not found in topic " + topic.trim() + ": " + String.join(", ", missing));
        }
        return 0;
    }

    /**
     * By unique id through the brokers' index first; failing that, as an offset id, which names the
     * broker and the commit-log position itself. (The two kinds have the same length, so the id's
     * form cannot tell them apart.)
     */
    private static MessageExt find(DefaultMQAdminExt admin, String topic, String id) throws Exception {
        MessageExt byUniqueId = admin.viewMessage(topic, id);
        if (byUniqueId != null) {
            return byUniqueId;
        }
        try {
            MessageExt byOffset = admin.viewMessage(id);
            return topic.equals(byOffset.getTopic()) ? byOffset : null;
        } catch (Exception notAnOffsetId) {
            LOG.info("{} is not the offset id of a stored message: {}", id, notAnOffsetId.toString());
            return null;
        }
    }
}
