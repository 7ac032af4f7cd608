package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.protocol.body.ConsumeFromWhere;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Retries end in the group's dead-letter queue, where the admin client finds the message and sends
 * it back. Both servers run every delay level at 1 s, so three deliveries take seconds.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class DeadLetterScenarios {
    private static final int MAX_RECONSUME_TIMES = 2;
    /** Shutdowns of what a test started, run last-started first. */
    private final Deque<Runnable> shutdowns = new ArrayDeque<>();
    private DefaultMQProducer producer;
    private DefaultMQAdminExt admin;

    protected abstract String namesrvAddr();

    @BeforeEach
    void start() throws Exception {
        producer = Clients.producer(namesrvAddr());
        producer.start();
        shutdowns.push(producer::shutdown);
        admin = Clients.configure(new DefaultMQAdminExt(Names.unique("admin")), namesrvAddr());
        admin.start();
        shutdowns.push(admin::shutdown);
    }

    @AfterEach
    void stop() {
        while (!shutdowns.isEmpty()) {
            shutdowns.pop().run();
        }
    }

    @Test
    void failingListenerSendsTheMessageToTheDeadLetterQueueFromWhereItIsResent() throws Exception {
        String topic = Names.unique("DoomedTopic");
        String group = Names.unique("DoomedG");
        producer.send(new Message(topic, "init", null, "init".getBytes(StandardCharsets.UTF_8)));
        AtomicBoolean healed = new AtomicBoolean();
        ConcurrentLinkedQueue<MessageExt> failed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<MessageExt> consumed = new ConcurrentLinkedQueue<>();
        DefaultMQPushConsumer consumer = Clients.pushConsumer(group, namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMaxReconsumeTimes(MAX_RECONSUME_TIMES);
        consumer.subscribe(topic, "TagD");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            if (healed.get()) {
                consumed.addAll(msgs);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }
            failed.addAll(msgs);
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        consumer.start();
        shutdowns.push(consumer::shutdown);

        SendResult sent = producer.send(new Message(topic, "TagD", "doomed-key", "doomed".getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(admin.queryDlqMessages(group, 10)).extracting(MessageExt::getMsgId).containsExactly(sent.getMsgId()));
        assertThat(failed).extracting(MessageExt::getReconsumeTimes).containsExactly(0, 1, 2);
        assertThat(failed).extracting(MessageExt::getTopic).containsOnly(topic);
        MessageExt deadLetter = admin.queryDlqMessages(group, 10).get(0);
        assertThat(deadLetter.getTopic()).isEqualTo("%DLQ%" + group);
        assertThat(deadLetter.getProperty(MessageConst.PROPERTY_RETRY_TOPIC)).isEqualTo(topic);
        assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo("doomed");

        healed.set(true);
        SendResult resent = admin.resendDlqMessage(group, sent.getMsgId());

        assertThat(resent.getMessageQueue().getTopic()).isEqualTo(topic);
        await().atMost(Duration.ofSeconds(60)).until(() -> !consumed.isEmpty());
        MessageExt again = consumed.peek();
        assertThat(again.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(again.getReconsumeTimes()).isZero();
        assertThat(again.getTags()).isEqualTo("TagD");
        assertThat(again.getKeys()).isEqualTo("doomed-key");
        assertThat(new String(again.getBody(), StandardCharsets.UTF_8)).isEqualTo("doomed");
        assertThat(failed).hasSize(3);
    }

    @Test
    void groupWithoutDeadLettersListsNone() throws Exception {
        assertThat(admin.queryDlqMessages(Names.unique("CleanG"), 10)).isEmpty();
    }
}
