package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.client.consumer.DefaultMQPushConsumer;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.SendStatus;
import io.apogee.client.producer.TransactionListener;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.client.producer.TransactionSendResult;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.protocol.body.ConsumeFromWhere;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transactional messages against any server: subclasses say where the name server is. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class TransactionScenarios {
    private TransactionMQProducer producer;
    private TransactionMQProducer restarted;
    private DefaultMQPushConsumer consumer;

    protected abstract String namesrvAddr();

    @AfterEach
    void stopClients() {
        if (consumer != null) {
            consumer.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
        if (restarted != null) {
            restarted.shutdown();
        }
    }

    @Test
    void commitIsDeliveredRollbackIsNotAndUnknownIsResolvedByTheCheck() throws Exception {
        String topic = Names.unique("TxTopic");
        ScriptedListener listener = new ScriptedListener(LocalTransactionState.COMMIT_MESSAGE);
        producer = start(Names.unique("TxPG"), listener);
        ConcurrentLinkedQueue<String> received = consume(topic, producer);

        TransactionSendResult committed = producer.sendMessageInTransaction(message(topic, "commit"), LocalTransactionState.COMMIT_MESSAGE);
        producer.sendMessageInTransaction(message(topic, "rollback"), LocalTransactionState.ROLLBACK_MESSAGE);
        producer.sendMessageInTransaction(message(topic, "unknown"), LocalTransactionState.UNKNOW);

        assertThat(committed.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(committed.getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("commit") && received.contains("unknown"));
        assertThat(listener.checked).contains("unknown").doesNotContain("commit", "rollback");
        assertThat(received).containsExactlyInAnyOrder("commit", "unknown");
    }

    @Test
    void checkIsAnsweredByTheProducerThatReplacedTheOneWhichSentTheHalfMessage() throws Exception {
        String topic = Names.unique("TxRestartTopic");
        String group = Names.unique("TxRestartPG");
        producer = start(group, new ScriptedListener(LocalTransactionState.UNKNOW));
        ConcurrentLinkedQueue<String> received = consume(topic, producer);
        producer.sendMessageInTransaction(message(topic, "in-doubt"), LocalTransactionState.UNKNOW);
        producer.shutdown();
        producer = null;

        ScriptedListener newOne = new ScriptedListener(LocalTransactionState.COMMIT_MESSAGE);
        restarted = start(group, newOne);

        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("in-doubt"));
        assertThat(newOne.checked).contains("in-doubt");
        assertThat(received).containsExactly("in-doubt");
    }

    @Test
    void halfMessageOfAProducerThatNeverDecidesStaysInvisible() throws Exception {
        String topic = Names.unique("TxUndecidedTopic");
        ScriptedListener undecided = new ScriptedListener(LocalTransactionState.UNKNOW);
        producer = start(Names.unique("TxUndecidedPG"), undecided);
        ConcurrentLinkedQueue<String> received = consume(topic, producer);

        producer.sendMessageInTransaction(message(topic, "undecided"), LocalTransactionState.UNKNOW);
        producer.sendMessageInTransaction(message(topic, "committed"), LocalTransactionState.COMMIT_MESSAGE);

        // Two checks answered UNKNOW: the broker looked at the half message twice and kept it back both times.
        await().atMost(Duration.ofSeconds(60)).until(() -> undecided.checks.get() >= 2 && received.contains("committed"));
        assertThat(undecided.checked).containsOnly("undecided");
        assertThat(received).containsExactly("committed");
    }

    /** Local transactions end in the state passed as the send argument; every check answers one fixed state. */
    private static final class ScriptedListener implements TransactionListener {
        private final LocalTransactionState checkAnswer;
        private final Set<String> checked = ConcurrentHashMap.newKeySet();
        private final AtomicInteger checks = new AtomicInteger();

        ScriptedListener(LocalTransactionState checkAnswer) {
            this.checkAnswer = checkAnswer;
        }

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            return (LocalTransactionState) arg;
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            checks.incrementAndGet();
            checked.add(new String(msg.getBody(), StandardCharsets.UTF_8));
            return checkAnswer;
        }
    }

    private TransactionMQProducer start(String group, TransactionListener listener) throws Exception {
        TransactionMQProducer started = Clients.configure(new TransactionMQProducer(group), namesrvAddr());
        started.setTransactionListener(listener);
        started.start();
        return started;
    }

    /**
     * Creates the topic with a plain message (committed half messages alone would not make it routable
     * quickly) and starts a consumer of its TagT messages.
     */
    private ConcurrentLinkedQueue<String> consume(String topic, TransactionMQProducer sender) throws Exception {
        sender.send(new Message(topic, "TagInit", null, "init".getBytes(StandardCharsets.UTF_8)));
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        consumer = Clients.pushConsumer(Names.unique("TxCG"), namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "TagT");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return received;
    }

    private static Message message(String topic, String body) {
        return new Message(topic, "TagT", null, body.getBytes(StandardCharsets.UTF_8));
    }
}
