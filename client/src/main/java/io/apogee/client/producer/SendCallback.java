package io.apogee.client.producer;

/** Receives the outcome of an asynchronous send, on a client callback thread. */
public interface SendCallback {
    void onSuccess(SendResult sendResult);

    void onException(Throwable e);
}
