package io.apogee.spring.annotation;

import io.apogee.protocol.body.ConsumeFromWhere;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean implementing {@link io.apogee.spring.core.ApogeeListener} as the handler of one topic:
 * once the application context is refreshed a push consumer is started for it, and it is shut down
 * when the context closes. The counterpart of rocketmq-spring's {@code @RocketMQMessageListener}.
 *
 * <p>String attributes may hold {@code ${...}} placeholders, resolved from the environment.
 *
 * <pre>{@code
 * @Component
 * @ApogeeMessageListener(topic = "orders", consumerGroup = "order-audit", selectorExpression = "created || paid")
 * class OrderAudit implements ApogeeListener<Order> {
 *     public void onMessage(Order order) { ... }   // throwing redelivers the message later
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApogeeMessageListener {
    /** The consumer group; consumers of one group share the work (or all get everything when broadcasting). */
    String consumerGroup();

    /** The topic to subscribe to. */
    String topic();

    /** How {@link #selectorExpression()} is read. */
    SelectorType selectorType() default SelectorType.TAG;

    /** Tags ({@code "a || b"}, {@code "*"} for all) or an SQL92 condition, after {@link #selectorType()}. */
    String selectorExpression() default "*";

    /** Concurrent or orderly delivery. */
    ConsumeMode consumeMode() default ConsumeMode.CONCURRENTLY;

    /** Clustering (shared) or broadcasting (everyone gets everything). Broadcasting cannot be orderly. */
    MessageModel messageModel() default MessageModel.CLUSTERING;

    /** Threads that run the listener. */
    int consumeThreadNumber() default 20;

    /** Upper bound of the consume thread pool; raised to {@link #consumeThreadNumber()} when lower. */
    int consumeThreadMax() default 64;

    /**
     * How often a failed message is redelivered before it goes to the group's dead-letter topic;
     * -1 means the client default (16 when concurrent, unlimited when orderly).
     */
    int maxReconsumeTimes() default -1;

    /** Minutes one listener call may take before its message is sent back for redelivery. */
    long consumeTimeout() default 15L;

    /**
     * Delay level of a failed concurrent message's redelivery: 0 lets the broker choose (it grows with
     * each attempt), -1 sends it straight to the dead-letter topic, n picks level n.
     */
    int delayLevelWhenNextConsume() default 0;

    /** How long an orderly queue pauses after its listener failed, before the same message is retried. */
    int suspendCurrentQueueTimeMillis() default 1000;

    /** How long shutdown waits for messages being consumed to finish. */
    int awaitTerminationMillisWhenShutdown() default 1000;

    /** Where a group with no committed offset starts reading. */
    ConsumeFromWhere consumeFromWhere() default ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;

    /** Name servers ({@code host:port;host:port}) when not those of {@code rocketmq.name-server}. */
    String nameServer() default "";
}
