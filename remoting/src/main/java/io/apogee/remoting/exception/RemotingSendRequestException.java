package io.apogee.remoting.exception;

/** The request was not (fully) written, or the connection closed before its response arrived. */
public class RemotingSendRequestException extends RemotingException {
    public RemotingSendRequestException(String addr) {
        super("send request to " + addr + " failed");
    }

    public RemotingSendRequestException(String addr, Throwable cause) {
        super("send request to " + addr + " failed", cause);
    }
}
