package io.apogee.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.MessageExt;
import io.apogee.server.Standalone;
import io.apogee.spring.TestListeners.CommittingTransactionListener;
import io.apogee.spring.TestListeners.FailingOnceListener;
import io.apogee.spring.TestListeners.Order;
import io.apogee.spring.TestListeners.OrderListener;
import io.apogee.spring.TestListeners.OrderlyListener;
import io.apogee.spring.TestListeners.TagAListener;
import io.apogee.spring.autoconfigure.ApogeeAutoConfiguration;
import io.apogee.spring.core.ApogeeTemplate;
import io.apogee.spring.support.ApogeeHeaders;
import io.apogee.spring.support.ApogeeListenerContainer;
import io.apogee.spring.support.ApogeeListenerContainerRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The starter against an embedded Apogee name server + broker: Spring contexts configured only through
 * rocketmq.* properties send with the template and receive through annotated listeners.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ApogeeStarterEndToEndTest {
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static Standalone server;

    @BeforeAll
    static void startServer(@TempDir Path dir) {
        server = Standalone.forTests(dir);
        // Redeliveries after one second instead of ten, so the retry scenario takes seconds.
        server.storeConfig().setMessageDelayLevel(String.join(" ", Collections.nCopies(18, "1s")));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    private static String unique(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet() + "_" + System.nanoTime();
    }

    private static void createTopic(String topic) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(server.namesrvAddr());
        admin.start();
        try {
            admin.createTopic(server.brokerConfig().getBrokerClusterName(), topic, 4);
        } finally {
            admin.shutdown();
        }
    }

    /** A context with the auto-configuration, the given listener beans, and fresh topic / group names. */
    private static ApplicationContextRunner context(String topic, String group, Class<?>... beans) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ApogeeAutoConfiguration.class))
                .withUserConfiguration(beans)
                .withPropertyValues(
                        "rocketmq.name-server=" + server.namesrvAddr(),
                        "rocketmq.producer.group=" + unique("PG"),
                        "rocketmq.producer.send-message-timeout=5000",
                        "test.topic=" + topic,
                        "test.group=" + group);
    }

    @Test
    void aPojoSentWithSyncSendReachesTheListenerAsTheSamePojo() {
        String topic = unique("Orders");
        context(topic, unique("CG"), OrderListener.class).run(context -> {
            ApogeeTemplate template = context.getBean(ApogeeTemplate.class);
            Order order = new Order("o-1", 42);

            assertThat(template.syncSend(topic, order).getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            OrderListener listener = context.getBean(OrderListener.class);
            await().atMost(DELIVERY).until(() -> !listener.received.isEmpty());
            assertThat(listener.received).containsExactly(order);
        });
    }

    /** An application as users write one: auto-configuration found through the starter's imports file. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(OrderListener.class)
    static class OrderApplication {
    }

    @Test
    void aSpringBootApplicationFindsTheStarterAndRoundTripsAPojo() {
        String topic = unique("AppOrders");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run("--rocketmq.name-server=" + server.namesrvAddr(), "--rocketmq.producer.group=" + unique("PG"),
                        "--test.topic=" + topic, "--test.group=" + unique("CG"))) {
            Order order = new Order("o-app", 5);
            app.getBean(ApogeeTemplate.class).syncSend(topic, order);

            OrderListener listener = app.getBean(OrderListener.class);
            await().atMost(DELIVERY).until(() -> !listener.received.isEmpty());
            assertThat(listener.received).containsExactly(order);
        }
    }

    @Test
    void aSendWithADelayIsDeliveredNoSoonerThanTheBrokersTimerAllows() {
        String topic = unique("Delayed");
        context(topic, unique("CG"), OrderListener.class).run(context -> {
            ApogeeTemplate template = context.getBean(ApogeeTemplate.class);
            Order order = new Order("o-late", 3);
            long sent = System.currentTimeMillis();

            template.syncSendDelayTimeMills(topic, order, 2000);

            OrderListener listener = context.getBean(OrderListener.class);
            await().atMost(DELIVERY).until(() -> !listener.received.isEmpty());
            // The timer rounds to whole seconds, so the message may come up to one second early.
            assertThat(System.currentTimeMillis() - sent).isGreaterThanOrEqualTo(1000);
            assertThat(listener.received).containsExactly(order);
        });
    }

    @Test
    void aTagSelectorOnlyDeliversItsTagWithKeysAndHeadersAsProperties() {
        String topic = unique("Tagged");
        context(topic, unique("CG"), TagAListener.class).run(context -> {
            ApogeeTemplate template = context.getBean(ApogeeTemplate.class);
            // One hash key puts everything in one queue, pulled in order: once every TagA message is
            // in, each TagB message between them has been filtered out rather than still on its way.
            for (int i = 0; i < 3; i++) {
                template.syncSendOrderly(topic + ":TagB", "b-" + i, "one-queue");
                template.syncSendOrderly(topic + ":TagA", MessageBuilder.withPayload("a-" + i)
                        .setHeader(ApogeeHeaders.KEYS, "key-" + i).setHeader("region", "eu").build(), "one-queue");
            }

            TagAListener listener = context.getBean(TagAListener.class);
            await().atMost(DELIVERY).until(() -> listener.received.size() >= 3);
            assertThat(listener.received).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("a-0", "a-1", "a-2");
            assertThat(listener.received).allSatisfy(m -> {
                assertThat(m.getTags()).isEqualTo("TagA");
                assertThat(m.getUserProperty("region")).isEqualTo("eu");
            });
            assertThat(listener.received).extracting(MessageExt::getKeys).containsExactlyInAnyOrder("key-0", "key-1", "key-2");
        });
    }

    @Test
    void anOrderlyListenerSeesEachKeysMessagesInTheOrderSent() {
        String topic = unique("Sequenced");
        List<String> keys = List.of("k1", "k2", "k3");
        int perKey = 15;
        context(topic, unique("CG"), OrderlyListener.class).run(context -> {
            ApogeeTemplate template = context.getBean(ApogeeTemplate.class);
            for (int i = 0; i < perKey; i++) {
                for (String key : keys) {
                    template.syncSendOrderly(topic, key + ":" + i, key);
                }
            }

            OrderlyListener listener = context.getBean(OrderlyListener.class);
            await().atMost(DELIVERY).until(() -> listener.received.size() >= keys.size() * perKey);
            for (String key : keys) {
                List<String> expected = IntStream.range(0, perKey).mapToObj(i -> key + ":" + i).toList();
                assertThat(listener.received.stream().filter(body -> body.startsWith(key + ":"))).containsExactlyElementsOf(expected);
            }
        });
    }

    @Test
    void aThrowingListenerGetsTheMessageAgainWithReconsumeTimesOne() {
        String topic = unique("Failing");
        context(topic, unique("CG"), FailingOnceListener.class).run(context -> {
            context.getBean(ApogeeTemplate.class).syncSend(topic, "boom");

            FailingOnceListener listener = context.getBean(FailingOnceListener.class);
            await().atMost(DELIVERY).until(() -> listener.received.size() >= 2);
            assertThat(listener.received).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                    .containsExactly("boom", "boom");
            assertThat(listener.received).extracting(MessageExt::getReconsumeTimes).containsExactly(0, 1);
        });
    }

    @Test
    void closingTheContextShutsTheListenersConsumersDown() {
        String group = unique("CG");
        AtomicReference<List<ApogeeListenerContainer>> containers = new AtomicReference<>();
        String topic = unique("Closing");
        context(topic, group, OrderListener.class).run(context -> {
            // A consumer heartbeats to the brokers of its topic's route: the topic has to exist.
            context.getBean(ApogeeTemplate.class).syncSend(topic, new Order("o-2", 2));
            containers.set(context.getBean(ApogeeListenerContainerRegistry.class).getContainers());
            assertThat(containers.get()).hasSize(1).allMatch(ApogeeListenerContainer::isRunning);
            await().atMost(DELIVERY).until(() -> server.broker().consumerManager().onlineGroups().contains(group));
        });

        assertThat(containers.get()).noneMatch(ApogeeListenerContainer::isRunning);
        // Shutdown unregisters from the broker at once, not after a missed-heartbeat timeout.
        assertThat(server.broker().consumerManager().onlineGroups()).doesNotContain(group);
    }

    @Test
    void aListenerCanBeLeftOffThroughRocketmqConsumerListeners() {
        String topic = unique("Off");
        String group = unique("CG");
        context(topic, group, OrderListener.class)
                .withPropertyValues("rocketmq.consumer.listeners." + group + "." + topic + "=false")
                .run(context -> assertThat(context.getBean(ApogeeListenerContainerRegistry.class).getContainers()).isEmpty());
    }

    @Test
    void theTemplateReceivesThroughTheLitePullConsumerOfRocketmqConsumerProperties() throws Exception {
        String topic = unique("Pulled");
        // The lite-pull consumer looks its topic up at start and then only every 30 s (no test
        // hook shortens that from properties): the topic exists before the context starts.
        createTopic(topic);
        context(topic, unique("CG"))
                .withPropertyValues("rocketmq.consumer.group=" + unique("LPG"), "rocketmq.consumer.topic=" + topic)
                .run(context -> {
                    ApogeeTemplate template = context.getBean(ApogeeTemplate.class);
                    Order order = new Order("o-7", 7);
                    // A new group starts at the end of each queue once the queue is assigned, which
                    // happens in the background: send until one send lands after that point.
                    List<Order> received = new ArrayList<>();
                    await().atMost(DELIVERY).until(() -> {
                        template.syncSend(topic, order);
                        received.addAll(template.receive(Order.class, 500));
                        return !received.isEmpty();
                    });
                    assertThat(received).allMatch(order::equals);
                });
    }

    @Test
    void aTransactionListenerBeanDecidesTheTemplatesTransactions() {
        String topic = unique("Transactional");
        context(topic, unique("CG"), OrderListener.class, CommittingTransactionListener.class).run(context -> {
            ApogeeTemplate template = context.getBean(ApogeeTemplate.class);
            Order committed = new Order("o-tx", 1);

            assertThat(template.sendMessageInTransaction(topic, MessageBuilder.withPayload("rollback").build(), "arg-1")
                    .getLocalTransactionState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
            assertThat(template.sendMessageInTransaction(topic, MessageBuilder.withPayload(committed).build(), "arg-2")
                    .getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);

            assertThat(context.getBean(CommittingTransactionListener.class).args).containsExactly("arg-1", "arg-2");
            OrderListener listener = context.getBean(OrderListener.class);
            await().atMost(DELIVERY).until(() -> !listener.received.isEmpty());
            assertThat(listener.received).containsExactly(committed);
        });
    }
}
