package io.apogee.spring;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.TransactionListener;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.protocol.body.ConsumeFromWhere;
import io.apogee.spring.annotation.ApogeeMessageListener;
import io.apogee.spring.annotation.ApogeeTransactionListener;
import io.apogee.spring.annotation.ConsumeMode;
import io.apogee.spring.core.ApogeeListener;
import io.apogee.spring.core.ApogeePushConsumerLifecycleListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Listener beans of the end-to-end tests; topics and groups come from the test.* properties each test sets. */
final class TestListeners {
    private TestListeners() {
    }

    /** A payload type sent as JSON. */
    record Order(String id, int amount) {
    }

    /** Records what it gets; short client intervals so retry-topic routes and rebalances show up in a second. */
    abstract static class Recording<T> implements ApogeeListener<T>, ApogeePushConsumerLifecycleListener {
        final List<T> received = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(T message) {
            received.add(message);
        }

        @Override
        public void prepareStart(DefaultMQPushConsumer consumer) {
            consumer.setPollNameServerInterval(500);
            consumer.setHeartbeatBrokerInterval(1000);
        }
    }

    @ApogeeMessageListener(topic = "${test.topic}", consumerGroup = "${test.group}",
            consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
    static class OrderListener extends Recording<Order> {
    }

    @ApogeeMessageListener(topic = "${test.topic}", consumerGroup = "${test.group}", selectorExpression = "TagA",
            consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
    static class TagAListener extends Recording<MessageExt> {
    }

    @ApogeeMessageListener(topic = "${test.topic}", consumerGroup = "${test.group}", consumeMode = ConsumeMode.ORDERLY,
            consumeThreadNumber = 4, consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
    static class OrderlyListener extends Recording<String> {
    }

    /** Fails the first delivery of every message. */
    @ApogeeMessageListener(topic = "${test.topic}", consumerGroup = "${test.group}", maxReconsumeTimes = 3,
            consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
    static class FailingOnceListener extends Recording<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
            super.onMessage(message);
            if (message.getReconsumeTimes() == 0) {
                throw new IllegalStateException("first delivery fails on purpose");
            }
        }
    }

    /** Commits every transaction whose body is not "rollback". */
    @ApogeeTransactionListener
    static class CommittingTransactionListener implements TransactionListener {
        final List<Object> args = new CopyOnWriteArrayList<>();

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            args.add(arg);
            return "rollback".equals(new String(msg.getBody(), StandardCharsets.UTF_8))
                    ? LocalTransactionState.ROLLBACK_MESSAGE
                    : LocalTransactionState.COMMIT_MESSAGE;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
    }
}
