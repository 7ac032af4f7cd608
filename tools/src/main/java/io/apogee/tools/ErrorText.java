package io.apogee.tools;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.protocol.ResponseCode;
import io.apogee.remoting.exception.RemotingException;

/** A failure told in one line. */
public final class ErrorText {
    private ErrorText() {
    }

    /** What went wrong, in the words of whoever knew: the server's remark, the connection error, the tool's own message. */
    public static String describe(Throwable e) {
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
