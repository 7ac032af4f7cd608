package io.apogee.spring.core;

/**
 * Handles the messages of one {@link io.apogee.spring.annotation.ApogeeMessageListener} subscription.
 *
 * <p>{@code T} decides what the message body becomes: {@code String} (UTF-8), {@code byte[]} (as
 * is), {@link io.apogee.common.message.MessageExt} (the whole message with its properties and
 * {@code reconsumeTimes}), or any other type, read from JSON with Jackson.
 *
 * @param <T> the type the body is converted to
 */
@FunctionalInterface
public interface ApogeeListener<T> {
    /**
     * Handles one message. Returning acknowledges it; throwing has it delivered again later
     * (concurrent listeners) or after a short pause of its queue (orderly listeners).
     */
    void onMessage(T message);
}
