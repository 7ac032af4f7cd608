package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.ConsumeFromWhere;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lite-pull consumer behaviour against any server: subclasses say where the name server is. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class LitePullScenarios {
    private final List<DefaultLitePullConsumer> consumers = new ArrayList<>();
    protected DefaultMQProducer producer;

    protected abstract String namesrvAddr();

    @BeforeEach
    void startProducer() throws Exception {
        producer = Clients.producer(namesrvAddr());
        producer.start();
    }

    @AfterEach
    void stopClients() {
        consumers.forEach(DefaultLitePullConsumer::shutdown);
        producer.shutdown();
    }

    private DefaultLitePullConsumer consumer(String group) {
        DefaultLitePullConsumer consumer = Clients.configure(new DefaultLitePullConsumer(group), namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollTimeoutMillis(500);
        consumers.add(consumer);
        return consumer;
    }

    private void send(String topic, int count, String prefix) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new Message(topic, "TagA", null, (prefix + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> pollUntil(DefaultLitePullConsumer consumer, int count) {
        List<String> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (MessageExt m : consumer.poll()) {
                bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            return bodies.size() >= count;
        });
        return bodies;
    }

    @Test
    void subscribedConsumerPollsEverything() throws Exception {
        String topic = Names.unique("LiteTopic");
        send(topic, 30, "m");
        DefaultLitePullConsumer consumer = consumer(Names.unique("LG"));
        consumer.subscribe(topic, "*");
        consumer.start();

        assertThat(pollUntil(consumer, 30)).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void assignedConsumerSeeksAndCommits() throws Exception {
        String topic = Names.unique("AssignTopic");
        send(topic, 20, "m");
        DefaultLitePullConsumer consumer = consumer(Names.unique("AG"));
        consumer.setAutoCommit(false);
        consumer.start();
        List<MessageQueue> queues = new ArrayList<>(consumer.fetchMessageQueues(topic));
        consumer.assign(queues);

        List<String> first = pollUntil(consumer, 20);
        assertThat(first).hasSize(20).doesNotHaveDuplicates();

        MessageQueue q0 = queues.get(0);
        long q0Count = producer.fetchPublishMessageQueues(topic).contains(q0) ? countIn(first, consumer, q0) : 0;
        consumer.seekToBegin(q0);
        assertThat(pollUntil(consumer, (int) q0Count)).hasSize((int) q0Count);

        consumer.commitSync();
        for (MessageQueue mq : queues) {
            assertThat(consumer.committed(mq)).isGreaterThanOrEqualTo(0);
        }
        assertThat(queues.stream().mapToLong(mq -> {
            try {
                return consumer.committed(mq);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sum()).isEqualTo(20);
    }

    /** How many messages of the topic sit in {@code mq}: its committed-to-be offset after everything was polled. */
    private static long countIn(List<String> polled, DefaultLitePullConsumer consumer, MessageQueue mq) throws Exception {
        consumer.commitSync();
        return consumer.committed(mq);
    }

    @Test
    void autoCommittedOffsetsSurviveARestart() throws Exception {
        String topic = Names.unique("AutoCommitTopic");
        String group = Names.unique("ACG");
        send(topic, 10, "old");
        DefaultLitePullConsumer first = consumer(group);
        first.setAutoCommitIntervalMillis(200);
        first.subscribe(topic, "*");
        first.start();
        assertThat(pollUntil(first, 10)).hasSize(10);
        first.shutdown();
        consumers.remove(first);

        send(topic, 10, "new");
        DefaultLitePullConsumer second = consumer(group);
        second.subscribe(topic, "*");
        second.start();
        assertThat(pollUntil(second, 10)).hasSize(10).allMatch(b -> b.startsWith("new"));
    }
}
