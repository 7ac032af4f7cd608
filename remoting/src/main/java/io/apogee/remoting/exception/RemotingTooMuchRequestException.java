package io.apogee.remoting.exception;

/** Too many async or oneway calls are in flight: the bounding semaphore had no permit within the timeout. */
public class RemotingTooMuchRequestException extends RemotingException {
    public RemotingTooMuchRequestException(String message) {
        super(message);
    }
}
