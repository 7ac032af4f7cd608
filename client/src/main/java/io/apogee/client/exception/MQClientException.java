package io.apogee.client.exception;

/**
 * A client-side failure: bad arguments, a client that is not running, no route to a topic, or a
 * remote call that could not complete. {@link #getResponseCode()} is the broker's code when one is
 * known, else -1.
 */
public class MQClientException extends Exception {
    private final int responseCode;
    private final String errorMessage;

    public MQClientException(String errorMessage, Throwable cause) {
        super(errorMessage, cause);
        this.responseCode = -1;
        this.errorMessage = errorMessage;
    }

    public MQClientException(int responseCode, String errorMessage) {
        super("CODE: " + responseCode + " DESC: " + errorMessage);
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
    }

    public int getResponseCode() {
        return responseCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }
}
