package io.apogee.spring.support;

import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.spring.annotation.ApogeeMessageListener;
import io.apogee.spring.annotation.ConsumeMode;
import io.apogee.spring.annotation.MessageModel;
import io.apogee.spring.annotation.SelectorType;
import org.springframework.core.env.PropertyResolver;

/**
 * An {@link ApogeeMessageListener} with its placeholders resolved and its combination checked: what a
 * {@link ApogeeListenerContainer} builds its consumer from.
 */
public record ListenerSettings(String consumerGroup, String topic, SelectorType selectorType, String selectorExpression,
                               ConsumeMode consumeMode, MessageModel messageModel, int consumeThreadNumber,
                               int consumeThreadMax, int maxReconsumeTimes, long consumeTimeout,
                               int delayLevelWhenNextConsume, int suspendCurrentQueueTimeMillis,
                               int awaitTerminationMillisWhenShutdown, ConsumeFromWhere consumeFromWhere,
                               String nameServer) {

    /**
     * Resolves {@code annotation}'s placeholders against {@code resolver}; the name server falls back
     * to {@code defaultNameServer} ({@code rocketmq.name-server}).
     *
     * @throws IllegalArgumentException when a required value is missing or the combination is unsupported
     */
    public static ListenerSettings of(ApogeeMessageListener annotation, PropertyResolver resolver, String defaultNameServer) {
        String nameServer = resolver.resolveRequiredPlaceholders(annotation.nameServer());
        if (nameServer.isBlank()) {
            nameServer = defaultNameServer;
        }
        if (nameServer == null || nameServer.isBlank()) {
            throw new IllegalArgumentException("no name server: set rocketmq.name-server or @ApogeeMessageListener(nameServer)");
        }
        if (annotation.consumeMode() == ConsumeMode.ORDERLY && annotation.messageModel() == MessageModel.BROADCASTING) {
            throw new IllegalArgumentException("BROADCASTING listeners cannot be ORDERLY: orderly consumption locks "
                    + "queues that broadcasting consumers do not share");
        }
        return new ListenerSettings(
                resolver.resolveRequiredPlaceholders(annotation.consumerGroup()),
                resolver.resolveRequiredPlaceholders(annotation.topic()),
                annotation.selectorType(),
                resolver.resolveRequiredPlaceholders(annotation.selectorExpression()),
                annotation.consumeMode(),
                annotation.messageModel(),
                annotation.consumeThreadNumber(),
                Math.max(annotation.consumeThreadNumber(), annotation.consumeThreadMax()),
                annotation.maxReconsumeTimes(),
                annotation.consumeTimeout(),
                annotation.delayLevelWhenNextConsume(),
                annotation.suspendCurrentQueueTimeMillis(),
                annotation.awaitTerminationMillisWhenShutdown(),
                annotation.consumeFromWhere(),
                nameServer);
    }
}
