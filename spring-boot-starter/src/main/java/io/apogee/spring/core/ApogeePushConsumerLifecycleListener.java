package io.apogee.spring.core;

import io.apogee.client.consumer.DefaultMQPushConsumer;

/**
 * Implemented by an {@link ApogeeListener} bean that needs settings the annotation does not offer:
 * it gets its push consumer, fully configured, just before the consumer starts.
 */
public interface ApogeePushConsumerLifecycleListener {
    /** Adjusts the consumer before {@link DefaultMQPushConsumer#start()}. */
    void prepareStart(DefaultMQPushConsumer consumer);
}
