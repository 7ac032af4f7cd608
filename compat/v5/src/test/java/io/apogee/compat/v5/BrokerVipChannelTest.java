package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.Standalone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official 5.2.0 client with the VIP channel enabled sends, commits offsets and administers
 * through the broker's fast port (listenPort - 2), as it does against Apache RocketMQ.
 */
@Timeout(120)
class BrokerVipChannelTest {
    @TempDir
    Path dir;

    @Test
    void clientsWithTheVipChannelEnabledWorkThroughTheFastPort() throws Exception {
        int port = portWithFreeFastNeighbour();
        Standalone apogee = Standalone.forTests(dir);
        apogee.brokerConfig().setListenPort(port);
        apogee.start();
        DefaultMQProducer producer = BrokerTestClients.producer(apogee.namesrvAddr(), "vip-producer");
        producer.setVipChannelEnabled(true);
        producer.setRetryTimesWhenSendFailed(0);
        DefaultMQPushConsumer consumer = BrokerTestClients.pushConsumer(apogee.namesrvAddr(), "vip-consumer");
        consumer.setVipChannelEnabled(true);
        try {
            assertThat(canConnect(port - 2)).as("fast port listening").isTrue();
            producer.start();
            for (int i = 0; i < 5; i++) {
                assertThat(producer.send(new Message("VipTopic", ("vip-" + i).getBytes(StandardCharsets.UTF_8))).getSendStatus())
                        .isEqualTo(SendStatus.SEND_OK);
            }
            Set<String> received = ConcurrentHashMap.newKeySet();
            consumer.subscribe("VipTopic", "*");
            consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
                msgs.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 5);
            assertThat(received).containsExactlyInAnyOrder("vip-0", "vip-1", "vip-2", "vip-3", "vip-4");
        } finally {
            consumer.shutdown();
            producer.shutdown();
            apogee.shutdown();
        }
    }

    /** A port p with p, p - 2 (fast) and p + 1 (HA) free. */
    private static int portWithFreeFastNeighbour() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 40000);
            if (free(port) && free(port - 2) && free(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port range found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
