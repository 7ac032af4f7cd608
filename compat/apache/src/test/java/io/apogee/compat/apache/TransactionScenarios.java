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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transactional messages against any server: subclasses say where the name server is. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class TransactionScenarios {
    private TransactionMQProducer producer;
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
    }

    @Test
    void commitIsDeliveredRollbackIsNotAndUnknownIsResolvedByTheCheck() throws Exception {
        String topic = Names.unique("TxTopic");
        Set<String> checked = ConcurrentHashMap.newKeySet();
        producer = Clients.configure(new TransactionMQProducer(Names.unique("TxPG")), namesrvAddr());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return (LocalTransactionState) arg;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checked.add(new String(msg.getBody(), StandardCharsets.UTF_8));
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        // A plain message creates the topic: committed half messages alone would not make it routable quickly.
        producer.send(new Message(topic, "TagInit", null, "init".getBytes(StandardCharsets.UTF_8)));
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        consumer = Clients.pushConsumer(Names.unique("TxCG"), namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "TagT");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });

        TransactionSendResult committed = producer.sendMessageInTransaction(message(topic, "commit"), LocalTransactionState.COMMIT_MESSAGE);
        producer.sendMessageInTransaction(message(topic, "rollback"), LocalTransactionState.ROLLBACK_MESSAGE);
        producer.sendMessageInTransaction(message(topic, "unknown"), LocalTransactionState.UNKNOW);
        consumer.start();

        assertThat(committed.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(committed.getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("commit") && received.contains("unknown"));
        assertThat(checked).contains("unknown").doesNotContain("commit", "rollback");
        assertThat(received).containsExactlyInAnyOrder("commit", "unknown");
    }

    private static Message message(String topic, String body) {
        return new Message(topic, "TagT", null, body.getBytes(StandardCharsets.UTF_8));
    }
}
