package io.apogee.tools;

/** A command cannot do what was asked (no such cluster, broker or message); the message is shown as is. */
public class ToolException extends Exception {
    public ToolException(String message) {
        super(message);
    }
}
