package io.apogee.client.consumer.listener;

/** Marker for the two ways a push consumer can hand messages over: concurrently or in queue order. */
public interface MessageListener {
}
