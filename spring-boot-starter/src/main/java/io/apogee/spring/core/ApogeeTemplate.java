package io.apogee.spring.core;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.MessageQueueSelector;
import io.apogee.client.producer.SelectMessageQueueByHash;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.client.producer.TransactionSendResult;
import io.apogee.common.message.MessageExt;
import io.apogee.spring.support.OutgoingMessageFactory;
import io.apogee.spring.support.PayloadCodec;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends (and, with a lite-pull consumer configured, receives) messages with the operations of
 * rocketmq-spring's {@code RocketMQTemplate}.
 *
 * <p>A destination is {@code "topic"} or {@code "topic:tag"}. A payload is sent as its UTF-8 bytes
 * (String), as is (byte[]), or as JSON (anything else). To set keys or user properties send a Spring
 * {@link Message} with headers: {@code MessageBuilder.withPayload(order).setHeader(ApogeeHeaders.KEYS,
 * order.id()).build()}; every header that is not one of {@link io.apogee.spring.support.ApogeeHeaders}
 * becomes a user property.
 *
 * <p>Timeouts are milliseconds; without one, the producer's {@code sendMsgTimeout}
 * ({@code rocketmq.producer.send-message-timeout}) applies. Failures are thrown as
 * {@link MessagingException}. The template starts its producer and consumer when the context
 * initialises it and shuts them down with the context.
 */
public class ApogeeTemplate implements InitializingBean, DisposableBean {
    private final DefaultMQProducer producer;
    private final DefaultLitePullConsumer consumer;
    private final PayloadCodec codec;
    private final OutgoingMessageFactory messages;
    private MessageQueueSelector messageQueueSelector = new SelectMessageQueueByHash();

    /**
     * @param producer the producer to send with (a {@link TransactionMQProducer} for transactions), or null
     * @param consumer the lite-pull consumer {@link #receive} polls, or null
     * @param codec    turns payloads into bodies and back
     */
    public ApogeeTemplate(DefaultMQProducer producer, DefaultLitePullConsumer consumer, PayloadCodec codec) {
        this.producer = producer;
        this.consumer = consumer;
        this.codec = codec;
        this.messages = new OutgoingMessageFactory(codec);
    }

    /** Starts the producer and the consumer. */
    @Override
    public void afterPropertiesSet() throws Exception {
        if (producer != null) {
            producer.start();
        }
        if (consumer != null) {
            consumer.start();
        }
    }

    /** Shuts the producer and the consumer down. */
    @Override
    public void destroy() {
        if (producer != null) {
            producer.shutdown();
        }
        if (consumer != null) {
            consumer.shutdown();
        }
    }

    // ---- synchronous sends

    /** Sends {@code payload} and waits for the broker's answer. */
    public SendResult syncSend(String destination, Object payload) {
        return syncSend(destination, toMessage(payload));
    }

    /** Sends {@code payload}, waiting at most {@code timeout} ms. */
    public SendResult syncSend(String destination, Object payload, long timeout) {
        return syncSend(destination, toMessage(payload), timeout);
    }

    /** Sends {@code message} (payload and headers) and waits for the broker's answer. */
    public SendResult syncSend(String destination, Message<?> message) {
        return syncSend(destination, message, defaultTimeout());
    }

    /** Sends {@code message}, waiting at most {@code timeout} ms. */
    public SendResult syncSend(String destination, Message<?> message, long timeout) {
        return syncSend(destination, message, timeout, 0);
    }

    /** Sends {@code message} with a delay level (1 = 1s, 2 = 5s, 3 = 10s, ...; 0 = none). */
    public SendResult syncSend(String destination, Message<?> message, long timeout, int delayLevel) {
        return send(destination, message, timeout, m -> m.setDelayTimeLevel(delayLevel));
    }

    /** Sends {@code batch} as one request; all its messages go to {@code destination}'s queue. */
    public <T extends Message<?>> SendResult syncSend(String destination, Collection<T> batch) {
        return syncSend(destination, batch, defaultTimeout());
    }

    /** Sends {@code batch} as one request, waiting at most {@code timeout} ms. */
    public <T extends Message<?>> SendResult syncSend(String destination, Collection<T> batch, long timeout) {
        List<io.apogee.common.message.Message> built = batch.stream().map(m -> messages.create(destination, m)).toList();
        return execute("syncSend", destination, () -> requireProducer().send(built, timeout));
    }

    /** Sends {@code payload} to be delivered {@code delaySeconds} seconds from now. */
    public SendResult syncSendDelayTimeSeconds(String destination, Object payload, long delaySeconds) {
        return send(destination, toMessage(payload), defaultTimeout(), m -> m.setDelayTimeSec(delaySeconds));
    }

    /** Sends {@code payload} to be delivered {@code delayMillis} ms from now. */
    public SendResult syncSendDelayTimeMills(String destination, Object payload, long delayMillis) {
        return send(destination, toMessage(payload), defaultTimeout(), m -> m.setDelayTimeMs(delayMillis));
    }

    /** Sends {@code payload} to be delivered at {@code deliverTimeMillis} (epoch ms). */
    public SendResult syncSendDeliverTimeMills(String destination, Object payload, long deliverTimeMillis) {
        return send(destination, toMessage(payload), defaultTimeout(), m -> m.setDeliverTimeMs(deliverTimeMillis));
    }

    // ---- ordered sends: one hash key, one queue, consumed in the order sent by ORDERLY listeners

    /** Sends {@code payload} to the queue {@code hashKey} selects. */
    public SendResult syncSendOrderly(String destination, Object payload, String hashKey) {
        return syncSendOrderly(destination, toMessage(payload), hashKey, defaultTimeout());
    }

    /** Sends {@code payload} to the queue {@code hashKey} selects, waiting at most {@code timeout} ms. */
    public SendResult syncSendOrderly(String destination, Object payload, String hashKey, long timeout) {
        return syncSendOrderly(destination, toMessage(payload), hashKey, timeout);
    }

    /** Sends {@code message} to the queue {@code hashKey} selects. */
    public SendResult syncSendOrderly(String destination, Message<?> message, String hashKey) {
        return syncSendOrderly(destination, message, hashKey, defaultTimeout());
    }

    /** Sends {@code message} to the queue {@code hashKey} selects, waiting at most {@code timeout} ms. */
    public SendResult syncSendOrderly(String destination, Message<?> message, String hashKey, long timeout) {
        io.apogee.common.message.Message built = messages.create(destination, message);
        return execute("syncSendOrderly", destination, () -> requireProducer().send(built, messageQueueSelector, hashKey, timeout));
    }

    // ---- asynchronous sends: the callback runs on a client thread

    /** Sends {@code payload}; {@code callback} learns the outcome. */
    public void asyncSend(String destination, Object payload, SendCallback callback) {
        asyncSend(destination, toMessage(payload), callback, defaultTimeout());
    }

    /** Sends {@code payload}; {@code callback} learns the outcome within {@code timeout} ms. */
    public void asyncSend(String destination, Object payload, SendCallback callback, long timeout) {
        asyncSend(destination, toMessage(payload), callback, timeout);
    }

    /** Sends {@code message}; {@code callback} learns the outcome. */
    public void asyncSend(String destination, Message<?> message, SendCallback callback) {
        asyncSend(destination, message, callback, defaultTimeout());
    }

    /** Sends {@code message}; {@code callback} learns the outcome within {@code timeout} ms. */
    public void asyncSend(String destination, Message<?> message, SendCallback callback, long timeout) {
        io.apogee.common.message.Message built = messages.create(destination, message);
        requireProducer().send(built, callback, timeout);
    }

    /** Sends {@code payload} to the queue {@code hashKey} selects; {@code callback} learns the outcome. */
    public void asyncSendOrderly(String destination, Object payload, String hashKey, SendCallback callback) {
        asyncSendOrderly(destination, toMessage(payload), hashKey, callback, defaultTimeout());
    }

    /** Sends {@code message} to the queue {@code hashKey} selects; {@code callback} learns the outcome within {@code timeout} ms. */
    public void asyncSendOrderly(String destination, Message<?> message, String hashKey, SendCallback callback, long timeout) {
        io.apogee.common.message.Message built = messages.create(destination, message);
        requireProducer().send(built, messageQueueSelector, hashKey, callback, timeout);
    }

    // ---- one-way sends: no answer awaited, so a lost message goes unnoticed

    /** Sends {@code payload} without waiting for the broker. */
    public void sendOneWay(String destination, Object payload) {
        io.apogee.common.message.Message built = messages.create(destination, toMessage(payload));
        execute("sendOneWay", destination, () -> {
            requireProducer().sendOneway(built);
            return null;
        });
    }

    /** Sends {@code payload} to the queue {@code hashKey} selects without waiting for the broker. */
    public void sendOneWayOrderly(String destination, Object payload, String hashKey) {
        io.apogee.common.message.Message built = messages.create(destination, toMessage(payload));
        execute("sendOneWayOrderly", destination, () -> {
            requireProducer().sendOneway(built, messageQueueSelector, hashKey);
            return null;
        });
    }

    /** Sends {@code payload} and waits, like {@link #syncSend(String, Object)}, ignoring the result. */
    public void convertAndSend(String destination, Object payload) {
        syncSend(destination, payload);
    }

    // ---- transactions

    /**
     * Sends {@code message} as a half message, then runs the {@link io.apogee.spring.annotation.ApogeeTransactionListener}'s
     * local transaction with {@code arg}; its outcome commits or rolls the message back.
     *
     * @throws IllegalStateException when the producer is not transactional
     */
    public TransactionSendResult sendMessageInTransaction(String destination, Message<?> message, Object arg) {
        if (!(requireProducer() instanceof TransactionMQProducer transactional)) {
            throw new IllegalStateException("the template's producer is a " + producer.getClass().getSimpleName()
                    + ", not a TransactionMQProducer");
        }
        io.apogee.common.message.Message built = messages.create(destination, message);
        return execute("sendMessageInTransaction", destination, () -> transactional.sendMessageInTransaction(built, arg));
    }

    // ---- receiving through the lite-pull consumer (rocketmq.consumer.* / rocketmq.pull-consumer.*)

    /** Polls the consumer's subscription once (waiting up to its poll timeout) and converts the bodies. */
    public <T> List<T> receive(Class<T> type) {
        return receive(type, requireConsumer().getPollTimeoutMillis());
    }

    /** Polls the consumer's subscription once, waiting up to {@code timeout} ms, and converts the bodies. */
    public <T> List<T> receive(Class<T> type, long timeout) {
        List<MessageExt> polled = requireConsumer().poll(timeout);
        ResolvableType target = ResolvableType.forClass(type);
        return polled.stream().map(m -> type.cast(codec.decode(m.getBody(), target))).toList();
    }

    /** The producer, or null when none is configured. */
    public DefaultMQProducer getProducer() {
        return producer;
    }

    /** The lite-pull consumer, or null when none is configured. */
    public DefaultLitePullConsumer getConsumer() {
        return consumer;
    }

    /** How orderly sends map a hash key to a queue; by default the key's hash modulo the queue count. */
    public void setMessageQueueSelector(MessageQueueSelector messageQueueSelector) {
        this.messageQueueSelector = messageQueueSelector;
    }

    private SendResult send(String destination, Message<?> message, long timeout, Consumer<io.apogee.common.message.Message> adjust) {
        io.apogee.common.message.Message built = messages.create(destination, message);
        adjust.accept(built);
        return execute("syncSend", destination, () -> requireProducer().send(built, timeout));
    }

    private static Message<?> toMessage(Object payload) {
        return payload instanceof Message<?> message ? message : MessageBuilder.withPayload(payload).build();
    }

    private long defaultTimeout() {
        return requireProducer().getSendMsgTimeout();
    }

    private DefaultMQProducer requireProducer() {
        if (producer == null) {
            throw new IllegalStateException("no producer: set rocketmq.name-server and rocketmq.producer.group");
        }
        return producer;
    }

    private DefaultLitePullConsumer requireConsumer() {
        if (consumer == null) {
            throw new IllegalStateException("no consumer: set rocketmq.name-server, rocketmq.consumer.group and rocketmq.consumer.topic");
        }
        return consumer;
    }

    @FunctionalInterface
    private interface ClientCall<R> {
        R call() throws Exception;
    }

    private static <R> R execute(String operation, String destination, ClientCall<R> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException(operation + " to " + destination + " interrupted", e);
        } catch (MessagingException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new MessagingException(operation + " to " + destination + " failed: " + e.getMessage(), e);
        }
    }
}
