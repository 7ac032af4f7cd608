package io.apogee.remoting.exception;

/** No connection to the address could be established (refused, unresolvable or connect timeout). */
public class RemotingConnectException extends RemotingException {
    public RemotingConnectException(String addr) {
        super("connect to " + addr + " failed");
    }

    public RemotingConnectException(String addr, Throwable cause) {
        super("connect to " + addr + " failed", cause);
    }
}
