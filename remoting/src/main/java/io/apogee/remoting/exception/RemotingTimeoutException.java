package io.apogee.remoting.exception;

/** No response arrived within the call's timeout. */
public class RemotingTimeoutException extends RemotingException {
    public RemotingTimeoutException(String message) {
        super(message);
    }

    public RemotingTimeoutException(String addr, long timeoutMillis) {
        super("wait response on the channel <" + addr + "> timeout, " + timeoutMillis + "(ms)");
    }
}
