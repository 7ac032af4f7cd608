package io.apogee.tools.message;

import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageQueue;
import io.apogee.tools.AdminOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sendMessage", description = "Send a message.")
public final class SendMessageCommand implements Callable<Integer> {
    private static final String FORMAT = "%-32s  %-4s  %-20s    %s%n";

    @Spec
    private CommandSpec spec;

    @Mixin
    private AdminOptions options;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic name")
    private String topic;

    @Option(names = {"-p", "--body"}, required = true, description = "UTF-8 string format of the message body")
    private String body;

    @Option(names = {"-k", "--key"}, description = "Message keys")
    private String keys;

    @Option(names = {"-c", "--tags"}, description = "Message tags")
    private String tags;

    @Option(names = {"-b", "--broker"}, description = "Send message to target broker (by name, with -i)")
    private String brokerName;

    @Option(names = {"-i", "--qid"}, description = "Send message to target queue (with -b)")
    private Integer queueId;

    @Override
    public Integer call() throws Exception {
        if ((brokerName == null) != (queueId == null)) {
            throw new ParameterException(spec.commandLine(), "Broker name (-b) and queue id (-i) must be given together");
        }
        Message msg = new Message(topic.trim(), trimmed(tags), trimmed(keys), body.getBytes(StandardCharsets.UTF_8));
        // A throwaway group, as the official tool uses: nothing else ever sends in it.
        DefaultMQProducer producer = new DefaultMQProducer(Long.toString(System.currentTimeMillis()));
        producer.setNamesrvAddr(options.namesrvAddr());
        SendResult result;
        producer.start();
        try {
            result = queueId == null ? producer.send(msg) : producer.send(msg, new MessageQueue(msg.getTopic(), brokerName.trim(), queueId));
        } finally {
            producer.shutdown();
        }
        PrintWriter out = options.out();
        out.printf(FORMAT, "#Broker Name", "#QID", "#Send Result", "#MsgId");
        out.printf(FORMAT, result.getMessageQueue().getBrokerName(), result.getMessageQueue().getQueueId(), result.getSendStatus(), result.getMsgId());
        return 0;
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
