package io.apogee.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code apogee bench}: the producer and consumer benchmarks. The entry point {@code bin/apogee bench}
 * calls, with the bench module's class path.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Producer and consumer benchmarks against any RocketMQ-protocol name server.",
        subcommands = {ProducerBench.class, ConsumerBench.class, StoreBenchCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        // The official client leaves non-daemon threads behind after shutdown; end the process explicitly.
        System.exit(exit);
    }

    /** The configured command line; tests parse with it. */
    public static CommandLine commandLine() {
        return new CommandLine(new BenchCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("bench " + cmd.getCommandName() + ": " + e.getMessage());
                        return CommandLine.ExitCode.USAGE;
                    }
                    e.printStackTrace(cmd.getErr());
                    return CommandLine.ExitCode.SOFTWARE;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
