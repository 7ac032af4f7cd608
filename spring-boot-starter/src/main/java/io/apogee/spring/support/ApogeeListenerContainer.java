package io.apogee.spring.support;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.exception.MQClientException;
import io.apogee.spring.annotation.ConsumeMode;
import io.apogee.spring.core.ApogeePushConsumerLifecycleListener;

/**
 * The push consumer of one {@link io.apogee.spring.annotation.ApogeeMessageListener} bean: built from
 * its {@link ListenerSettings}, started and shut down by the {@link ApogeeListenerContainerRegistry}.
 */
public class ApogeeListenerContainer {
    private final String beanName;
    private final ListenerSettings settings;
    private final DefaultMQPushConsumer consumer;
    private volatile boolean running;

    /**
     * Configures (but does not start) a consumer for {@code bean}.
     *
     * @param beanName the listener bean's name, for messages
     * @param bean     the listener bean; if it is an {@link ApogeePushConsumerLifecycleListener} it may adjust the consumer
     * @param settings what to subscribe to and how
     * @param invoker  calls the bean with converted messages
     */
    public ApogeeListenerContainer(String beanName, Object bean, ListenerSettings settings, ListenerInvoker invoker)
            throws MQClientException {
        this.beanName = beanName;
        this.settings = settings;
        this.consumer = new DefaultMQPushConsumer(settings.consumerGroup());
        consumer.setNamesrvAddr(settings.nameServer());
        consumer.setMessageModel(settings.messageModel().toClientModel());
        consumer.setConsumeFromWhere(settings.consumeFromWhere());
        consumer.setConsumeThreadMin(settings.consumeThreadNumber());
        consumer.setConsumeThreadMax(settings.consumeThreadMax());
        consumer.setMaxReconsumeTimes(settings.maxReconsumeTimes());
        consumer.setConsumeTimeout(settings.consumeTimeout());
        consumer.setSuspendCurrentQueueTimeMillis(settings.suspendCurrentQueueTimeMillis());
        consumer.setAwaitTerminationMillisWhenShutdown(settings.awaitTerminationMillisWhenShutdown());
        consumer.subscribe(settings.topic(), settings.selectorType().selector(settings.selectorExpression()));
        if (settings.consumeMode() == ConsumeMode.ORDERLY) {
            consumer.registerMessageListener(invoker.orderly(settings.suspendCurrentQueueTimeMillis()));
        } else {
            consumer.registerMessageListener(invoker.concurrently(settings.delayLevelWhenNextConsume()));
        }
        if (bean instanceof ApogeePushConsumerLifecycleListener lifecycle) {
            lifecycle.prepareStart(consumer);
        }
    }

    /** Starts consuming. */
    public synchronized void start() throws MQClientException {
        if (!running) {
            consumer.start();
            running = true;
        }
    }

    /** Stops consuming: commits offsets and leaves the group, so its queues go to the group's other consumers. */
    public synchronized void stop() {
        if (running) {
            running = false;
            consumer.shutdown();
        }
    }

    /** Whether the consumer has been started and not yet stopped. */
    public boolean isRunning() {
        return running;
    }

    /** The listener bean's name. */
    public String getBeanName() {
        return beanName;
    }

    /** What the consumer subscribes to and how. */
    public ListenerSettings getSettings() {
        return settings;
    }

    /** The consumer, for inspection (assigned queues); its lifecycle belongs to this container. */
    public DefaultMQPushConsumer getConsumer() {
        return consumer;
    }
}
