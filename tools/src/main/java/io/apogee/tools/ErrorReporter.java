package io.apogee.tools;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and a non-zero exit code: 2 for a bad command line,
 * 1 for a command that failed (unknown topic, unreachable server, error answer). No stack traces:
 * the client's log file has the details.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        boolean top = cmd.getParent() == null;
        String hint = top ? "see 'mqadmin' for the list of commands" : "see 'mqadmin help " + cmd.getCommandName() + "'";
        cmd.getErr().println(prefix(cmd) + e.getMessage() + " (" + hint + ")");
        cmd.getErr().flush();
        return BAD_ARGUMENTS;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println(prefix(cmd) + ErrorText.describe(e));
        cmd.getErr().flush();
        return FAILED;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getParent() == null ? "mqadmin: " : "mqadmin " + cmd.getCommandName() + ": ";
    }
}
