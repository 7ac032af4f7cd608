package io.apogee.tools;

import io.apogee.tools.broker.BrokerStatusCommand;
import io.apogee.tools.broker.GetBrokerConfigCommand;
import io.apogee.tools.broker.UpdateBrokerConfigCommand;
import io.apogee.tools.cluster.ClusterListCommand;
import io.apogee.tools.connection.ConsumerConnectionCommand;
import io.apogee.tools.connection.ProducerConnectionCommand;
import io.apogee.tools.consumer.ConsumerProgressCommand;
import io.apogee.tools.consumer.DeleteSubGroupCommand;
import io.apogee.tools.consumer.UpdateSubGroupCommand;
import io.apogee.tools.message.ConsumeMessageCommand;
import io.apogee.tools.message.PrintMsgCommand;
import io.apogee.tools.message.QueryMsgByIdCommand;
import io.apogee.tools.message.QueryMsgByKeyCommand;
import io.apogee.tools.message.QueryMsgByOffsetCommand;
import io.apogee.tools.message.QueryMsgByUniqueKeyCommand;
import io.apogee.tools.message.SendMessageCommand;
import io.apogee.tools.namesrv.DeleteKvConfigCommand;
import io.apogee.tools.namesrv.UpdateKvConfigCommand;
import io.apogee.tools.namesrv.WritePermCommands;
import io.apogee.tools.offset.GetConsumerStatusCommand;
import io.apogee.tools.offset.ResetOffsetByTimeCommand;
import io.apogee.tools.topic.DeleteTopicCommand;
import io.apogee.tools.topic.TopicClusterListCommand;
import io.apogee.tools.topic.TopicListCommand;
import io.apogee.tools.topic.TopicRouteCommand;
import io.apogee.tools.topic.TopicStatusCommand;
import io.apogee.tools.topic.UpdateTopicCommand;
import io.apogee.tools.topic.UpdateTopicPermCommand;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mqadmin}: the administration command line, with the sub-command names and options of
 * Apache RocketMQ's tool, so operators' scripts keep working. Sub-command names are matched without
 * regard to case, as the official tool does.
 */
@Command(name = "mqadmin", subcommands = {
    UpdateTopicCommand.class, DeleteTopicCommand.class,
    UpdateSubGroupCommand.class, DeleteSubGroupCommand.class,
    UpdateBrokerConfigCommand.class, UpdateTopicPermCommand.class,
    TopicRouteCommand.class, TopicStatusCommand.class, TopicClusterListCommand.class,
    BrokerStatusCommand.class,
    QueryMsgByIdCommand.class, QueryMsgByKeyCommand.class, QueryMsgByUniqueKeyCommand.class, QueryMsgByOffsetCommand.class,
    PrintMsgCommand.class,
    ProducerConnectionCommand.class, ConsumerConnectionCommand.class, ConsumerProgressCommand.class,
    ClusterListCommand.class, TopicListCommand.class,
    UpdateKvConfigCommand.class, DeleteKvConfigCommand.class,
    WritePermCommands.Wipe.class, WritePermCommands.Add.class,
    ResetOffsetByTimeCommand.class, GetConsumerStatusCommand.class,
    GetBrokerConfigCommand.class,
    SendMessageCommand.class, ConsumeMessageCommand.class,
    HelpCommand.class,
})
public final class MQAdminMain implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine cmd = new CommandLine(new MQAdminMain())
                .setSubcommandsCaseInsensitive(true)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        int code = cmd.execute(args);
        out.flush();
        return code;
    }

    /** No sub-command: the list of commands, as the official tool prints it. */
    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("The most commonly used mqadmin commands are:%n");
        Set<CommandLine> distinct = new LinkedHashSet<>(spec.commandLine().getSubcommands().values());
        for (CommandLine sub : distinct) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            out.printf("   %-35s %s%n", sub.getCommandName(), description.length > 0 ? description[0] : "");
        }
        out.printf("%nSee 'mqadmin help <command>' for more information on a specific command.%n");
    }
}
