package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SelectMessageQueueByHash;
import io.apogee.client.producer.SendCallback;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Producer behaviour against any server: subclasses say where the name server is. Delivery is
 * checked through the queues' max offsets, which the broker advances for every stored message.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ProducerScenarios {
    /** Queue offsets appear as the broker dispatches what it stored, a moment after a send returned. */
    private static final Duration DISPATCH = Duration.ofSeconds(10);
    protected DefaultMQProducer producer;
    protected QueueProbe probe;

    protected abstract String namesrvAddr();

    @BeforeEach
    void startProducer() throws Exception {
        producer = new DefaultMQProducer(Names.unique("PG"));
        producer.setNamesrvAddr(namesrvAddr());
        producer.start();
        probe = new QueueProbe(namesrvAddr());
    }

    @AfterEach
    void stopProducer() {
        producer.shutdown();
        probe.close();
    }

    static Message message(String topic, String body) {
        return new Message(topic, "TagA", "key-" + body, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void syncSendAutoCreatesTopicWithFourQueues() throws Exception {
        String topic = Names.unique("SyncTopic");
        SendResult result = producer.send(message(topic, "hello"));

        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.getMsgId()).hasSize(32);
        assertThat(result.getOffsetMsgId()).hasSize(32);
        assertThat(result.getMessageQueue().getTopic()).isEqualTo(topic);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(probe.route(topic).getQueueDatas()).allSatisfy(qd -> assertThat(qd.getWriteQueueNums()).isEqualTo(4)));
        await().atMost(DISPATCH).until(() -> probe.totalMessages(topic) == 1);
    }

    @Test
    void asyncSendsAllComplete() throws Exception {
        String topic = Names.unique("AsyncTopic");
        producer.send(message(topic, "warm-up"));
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Throwable> errors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            producer.send(message(topic, "async-" + i), new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    ids.add(sendResult.getMsgId());
                }

                @Override
                public void onException(Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.size() + errors.size() == 100);
        assertThat(errors).isEmpty();
        await().atMost(DISPATCH).until(() -> probe.totalMessages(topic) == 101);
    }

    @Test
    void onewaySendsArrive() throws Exception {
        String topic = Names.unique("OnewayTopic");
        producer.send(message(topic, "warm-up"));
        for (int i = 0; i < 20; i++) {
            producer.sendOneway(message(topic, "oneway-" + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.totalMessages(topic) == 21);
    }

    @Test
    void batchIsStoredConsecutivelyInOneQueue() throws Exception {
        String topic = Names.unique("BatchTopic");
        List<Message> batch = IntStream.range(0, 10).mapToObj(i -> message(topic, "batch-" + i)).collect(Collectors.toList());
        SendResult result = producer.send(batch);

        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.getMsgId().split(",")).hasSize(10).doesNotHaveDuplicates();
        await().atMost(DISPATCH).until(() -> probe.maxOffset(result.getMessageQueue()) == result.getQueueOffset() + 10);
    }

    @Test
    void orderedSendsKeepTheirQueue() throws Exception {
        String topic = Names.unique("OrderTopic");
        List<MessageQueue> used = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            used.add(producer.send(message(topic, "order-" + i), new SelectMessageQueueByHash(), "order-7").getMessageQueue());
        }
        assertThat(Set.copyOf(used)).hasSize(1);
    }

    @Test
    void largeBodyIsCompressedAndComesBackByteForByte() throws Exception {
        String topic = Names.unique("BigTopic");
        byte[] body = new byte[100_000];
        new Random(42).nextBytes(body);
        for (int i = 0; i < body.length; i += 2) {
            body[i] = 'x';
        }
        SendResult result = producer.send(new Message(topic, body));
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        DefaultLitePullConsumer reader = Clients.configure(new DefaultLitePullConsumer(Names.unique("BigG")), namesrvAddr());
        reader.setAutoCommit(false);
        reader.start();
        try {
            reader.assign(List.of(result.getMessageQueue()));
            reader.seek(result.getMessageQueue(), result.getQueueOffset());
            List<MessageExt> polled = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                polled.addAll(reader.poll(500));
                return !polled.isEmpty();
            });
            MessageExt stored = polled.get(0);
            assertThat(stored.getMsgId()).isEqualTo(result.getMsgId());
            assertThat(stored.getBody()).isEqualTo(body);
            // Half the bytes are one letter: zlib at least shrinks it by a third, so the record is smaller than the body.
            assertThat(stored.getStoreSize()).isLessThan(body.length * 2 / 3);
        } finally {
            reader.shutdown();
        }
    }

    @Test
    void producerAnswersQueueAndMessageQuestionsAsTheOfficialMQAdmin() throws Exception {
        String topic = Names.unique("AskTopic");
        long before = System.currentTimeMillis();
        SendResult first = producer.send(message(topic, "ask-0"));
        MessageQueue mq = first.getMessageQueue();
        SendResult last = null;
        for (int i = 1; i < 3; i++) {
            last = producer.send(message(topic, "ask-" + i), mq);
        }

        await().atMost(DISPATCH).until(() -> producer.maxOffset(mq) == first.getQueueOffset() + 3);
        assertThat(producer.minOffset(mq)).isZero();
        assertThat(producer.earliestMsgStoreTime(mq)).isBetween(before - 1000, System.currentTimeMillis());
        assertThat(producer.searchOffset(mq, System.currentTimeMillis() + 60_000)).isEqualTo(first.getQueueOffset() + 3);
        assertThat(new String(producer.viewMessage(last.getOffsetMsgId()).getBody(), StandardCharsets.UTF_8)).isEqualTo("ask-2");
        SendResult sent = last;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(producer.viewMessage(topic, sent.getMsgId()).getQueueOffset()).isEqualTo(sent.getQueueOffset());
            assertThat(producer.queryMessage(topic, "key-ask-1", 32, 0, System.currentTimeMillis() + 60_000).getMessageList())
                    .extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8)).containsExactly("ask-1");
        });
    }

    @Test
    void invalidMessagesAreRejectedWithClearErrors() {
        assertThatThrownBy(() -> producer.send(new Message("bad topic!", new byte[] {1})))
                .isInstanceOf(MQClientException.class).hasMessageContaining("illegal characters");
        assertThatThrownBy(() -> producer.send(new Message("T", new byte[0])))
                .isInstanceOf(MQClientException.class).hasMessageContaining("body length is zero");
        assertThatThrownBy(() -> producer.send(new Message("T", new byte[4 * 1024 * 1024 + 1])))
                .isInstanceOf(MQClientException.class).hasMessageContaining("over max value");
    }
}
