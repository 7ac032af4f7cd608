package io.apogee.remoting.exception;

/** A remote call failed in the transport: no connection, the request could not be written, or no answer in time. */
public class RemotingException extends Exception {
    public RemotingException(String message) {
        super(message);
    }

    public RemotingException(String message, Throwable cause) {
        super(message, cause);
    }
}
