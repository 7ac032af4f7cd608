package io.apogee.remoting.header;

/** A command could not be decoded or its header is invalid; the message says what is wrong. */
public class RemotingCommandException extends Exception {
    public RemotingCommandException(String message) {
        super(message);
    }

    public RemotingCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
