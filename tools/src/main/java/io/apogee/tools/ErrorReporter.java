package io.apogee.tools;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.protocol.ResponseCode;
import io.apogee.remoting.exception.RemotingException;
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
        cmd.getErr().println(prefix(cmd) + describe(e));
        cmd.getErr().flush();
        return FAILED;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getParent() == null ? "mqadmin: " : "mqadmin " + cmd.getCommandName() + ": ";
    }

    /** What went wrong, in the words of whoever knew: the server's remark, the connection error, the tool's own message. */
    static String describe(Throwable e) {
        if (e instanceof MQClientException client && client.getResponseCode() != -1) {
            return firstLine(client.getErrorMessage()) + " (" + ResponseCode.nameOf(client.getResponseCode()) + ")";
        }
        if (e instanceof MQBrokerException broker) {
            String at = broker.getBrokerAddr() == null ? "" : " at " + broker.getBrokerAddr();
            return firstLine(broker.getErrorMessage()) + " (" + ResponseCode.nameOf(broker.getResponseCode()) + at + ")";
        }
        if (e instanceof RemotingException && e.getCause() != null && e.getCause() != e) {
            return e.getMessage() + ": " + rootMessage(e.getCause());
        }
        if (e instanceof MQClientException && e.getCause() != null) {
            return e.getMessage() + ": " + describe(e.getCause());
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Servers' remarks may go on with a line of FAQ links; the first line says what went wrong. */
    private static String firstLine(String remark) {
        return remark == null ? "" : remark.strip().lines().findFirst().orElse("");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
