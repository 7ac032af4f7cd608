package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.client.consumer.DefaultLitePullConsumer;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.ConsumeFromWhere;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        return pollMessagesUntil(consumer, count).stream().map(LitePullScenarios::body).toList();
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
        send(topic, 1, "init");
        List<MessageQueue> queues = producer.fetchPublishMessageQueues(topic).subList(0, 2);
        long[] base = new long[queues.size()];
        for (int q = 0; q < queues.size(); q++) {
            for (int i = 0; i < 5; i++) {
                SendResult sent = producer.send(new Message(topic, "TagA", null, ("q" + q + "-" + i).getBytes(StandardCharsets.UTF_8)),
                        queues.get(q));
                if (i == 0) {
                    base[q] = sent.getQueueOffset();
                }
            }
        }
        DefaultLitePullConsumer consumer = consumer(Names.unique("AG"));
        consumer.setAutoCommit(false);
        consumer.start();
        consumer.assign(queues);
        for (int q = 0; q < queues.size(); q++) {
            consumer.seek(queues.get(q), base[q]);
        }

        assertThat(pollMessagesUntil(consumer, 10)).extracting(LitePullScenarios::body)
                .containsExactlyInAnyOrder("q0-0", "q0-1", "q0-2", "q0-3", "q0-4", "q1-0", "q1-1", "q1-2", "q1-3", "q1-4");

        MessageQueue q0 = queues.get(0);
        consumer.seek(q0, base[0] + 2);
        List<MessageExt> replayed = pollMessagesUntil(consumer, 3);
        assertThat(replayed).extracting(LitePullScenarios::body).containsExactly("q0-2", "q0-3", "q0-4");
        assertThat(replayed).extracting(MessageExt::getQueueOffset).containsExactly(base[0] + 2, base[0] + 3, base[0] + 4);
        assertThat(replayed).extracting(MessageExt::getQueueId).containsOnly(q0.getQueueId());

        // The committed offset is the next one to read: just past the last message polled from the queue.
        consumer.commit(Set.of(q0), true);
        assertThat(consumer.committed(q0)).isEqualTo(base[0] + 5);
        // Nothing committed for this one yet: brokers answer -1, or 0 for a queue that still holds its first message.
        assertThat(consumer.committed(queues.get(1))).as("not committed yet").isLessThanOrEqualTo(base[1]);
        consumer.commitSync();
        assertThat(consumer.committed(queues.get(1))).isEqualTo(base[1] + 5);
    }

    private static List<MessageExt> pollMessagesUntil(DefaultLitePullConsumer consumer, int count) {
        List<MessageExt> polled = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            polled.addAll(consumer.poll());
            return polled.size() >= count;
        });
        return polled;
    }

    private static String body(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
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
