package io.apogee.compat.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.Message;
import io.apogee.protocol.route.QueueData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fault handling against two name servers and two brokers (broker-a, broker-b of cluster
 * DefaultCluster): a broker dying while a producer sends, and a dead name server. Each test kills
 * something, so subclasses start servers of their own per class.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class FailoverScenarios {
    static final String CLUSTER = "DefaultCluster";

    /** Both name servers, in order. */
    protected abstract List<String> namesrvAddrs();

    protected abstract void killBroker(String brokerName);

    protected abstract void killNamesrv(int index);

    private String namesrvAddr() {
        return String.join(";", namesrvAddrs());
    }

    private static Message message(String topic, int i) {
        return new Message(topic, "TagF", null, ("f" + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void syncSendsFailOverToTheOtherBrokerWhenOneDies() throws Exception {
        String topic = Names.unique("FailoverTopic");
        DefaultMQAdminExt admin = Clients.configure(new DefaultMQAdminExt(Names.unique("admin")), namesrvAddr());
        admin.start();
        DefaultMQProducer producer = Clients.producer(namesrvAddr());
        producer.setPollNameServerInterval(60_000);
        try {
            admin.createTopic(CLUSTER, topic, 4);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(admin.examineTopicRouteInfo(topic).getQueueDatas()).extracting(QueueData::getBrokerName)
                            .containsExactlyInAnyOrder("broker-a", "broker-b"));
            producer.start();
            List<String> brokersBefore = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                brokersBefore.add(producer.send(message(topic, i)).getMessageQueue().getBrokerName());
            }
            assertThat(brokersBefore).contains("broker-a", "broker-b");

            killBroker("broker-b");

            // The producer still has broker-b in its route (no refresh for a minute): every send must still succeed.
            for (int i = 0; i < 20; i++) {
                SendResult result = producer.send(message(topic, 100 + i));
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertThat(result.getMessageQueue().getBrokerName()).isEqualTo("broker-a");
            }
        } finally {
            producer.shutdown();
            admin.shutdown();
        }
    }

    @Test
    void aDeadNameServerIsReplacedByTheNextOne() throws Exception {
        String namesrvs = namesrvAddr();
        killNamesrv(0);

        DefaultMQProducer producer = Clients.producer(namesrvs);
        producer.start();
        try {
            String topic = Names.unique("NamesrvFailoverTopic");
            assertThat(producer.send(message(topic, 0)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(producer.fetchPublishMessageQueues(topic)).isNotEmpty();
        } finally {
            producer.shutdown();
        }
    }
}
