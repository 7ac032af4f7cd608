package io.apogee.client.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.PermName;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteConverterTest {
    private static final BrokerData A = new BrokerData("c", "broker-a", Map.of(0L, "a:1", 1L, "a:2"));
    private static final BrokerData B_SLAVE_ONLY = new BrokerData("c", "broker-b", Map.of(1L, "b:2"));
    private static final BrokerData C = new BrokerData("c", "broker-c", Map.of(0L, "c:1"));

    @Test
    void publishListTakesWritableQueuesOfBrokersWithAMasterSortedByName() {
        TopicRouteData route = new TopicRouteData(List.of(
                new QueueData("broker-c", 2, 2, PermName.READ_WRITE, 0),
                new QueueData("broker-b", 4, 4, PermName.READ_WRITE, 0),
                new QueueData("broker-a", 4, 3, PermName.READ_WRITE, 0)), List.of(A, B_SLAVE_ONLY, C));

        assertThat(RouteConverter.toPublishInfo("T", route).getMessageQueueList()).containsExactly(
                new MessageQueue("T", "broker-a", 0), new MessageQueue("T", "broker-a", 1), new MessageQueue("T", "broker-a", 2),
                new MessageQueue("T", "broker-c", 0), new MessageQueue("T", "broker-c", 1));
    }

    @Test
    void readOnlyQueuesAreSubscribedButNotPublished() {
        TopicRouteData route = new TopicRouteData(List.of(new QueueData("broker-a", 2, 2, PermName.PERM_READ, 0)), List.of(A));

        assertThat(RouteConverter.toPublishInfo("T", route).ok()).isFalse();
        assertThat(RouteConverter.toSubscribeInfo("T", route))
                .containsExactlyInAnyOrder(new MessageQueue("T", "broker-a", 0), new MessageQueue("T", "broker-a", 1));
    }

    @Test
    void orderTopicConfDecidesThePublishList() {
        TopicRouteData route = new TopicRouteData(List.of(new QueueData("broker-a", 8, 8, PermName.READ_WRITE, 0)), List.of(A, C));
        route.setOrderTopicConf("broker-c:1;broker-a:2");

        assertThat(RouteConverter.toPublishInfo("T", route).getMessageQueueList()).containsExactly(
                new MessageQueue("T", "broker-c", 0), new MessageQueue("T", "broker-a", 0), new MessageQueue("T", "broker-a", 1));
    }
}
