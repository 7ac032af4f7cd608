package io.apogee.server;

import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code apogee} command. Each process kind is one subcommand class; to add one, write the class
 * and list it in {@code subcommands} below.
 */
@Command(name = "apogee", mixinStandardHelpOptions = true, versionProvider = ApogeeVersion.class,
        description = "Apogee: a message queue that speaks Apache RocketMQ's remoting protocol.",
        // The bench tool lives in its own module (it carries the official client); bin/apogee runs it.
        footer = {"", "Also: bin/apogee bench producer|consumer|store ...   (bin/apogee bench --help)"},
        subcommands = {
            NamesrvCommand.class,
            BrokerCommand.class,
            StandaloneCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class ApogeeMain implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new ApogeeMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(ApogeeMain::reportFailure);
    }

    /**
     * Bad configuration is the operator's to fix: one line naming the problem and the usage exit code.
     * Anything else is a bug or an environment failure and keeps its stack trace.
     */
    private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            cmd.getErr().println("apogee " + cmd.getCommandName() + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        e.printStackTrace(cmd.getErr());
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** {@code apogee} alone prints the usage, listing the subcommands. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
