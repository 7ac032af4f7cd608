package io.apogee.client.impl;

import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.PermName;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a topic route into the queue lists producers write to and consumers read from (flows.md §2.2,
 * §4.2). An ordered topic (orderTopicConf) lists exactly the configured queues per broker.
 */
public final class RouteConverter {
    private RouteConverter() {
    }

    public static TopicPublishInfo toPublishInfo(String topic, TopicRouteData route) {
        List<MessageQueue> queues = new ArrayList<>();
        String orderConf = route.getOrderTopicConf();
        if (orderConf != null && !orderConf.isEmpty()) {
            for (String item : orderConf.split(";")) {
                String[] parts = item.split(":");
                int count = Integer.parseInt(parts[1].trim());
                for (int i = 0; i < count; i++) {
                    queues.add(new MessageQueue(topic, parts[0].trim(), i));
                }
            }
            return new TopicPublishInfo(queues);
        }
        List<QueueData> sorted = new ArrayList<>(route.getQueueDatas());
        sorted.sort(Comparator.comparing(QueueData::getBrokerName));
        for (QueueData qd : sorted) {
            if (!PermName.isWriteable(qd.getPerm()) || masterAddr(route, qd.getBrokerName()) == null) {
                continue;
            }
            for (int i = 0; i < qd.getWriteQueueNums(); i++) {
                queues.add(new MessageQueue(topic, qd.getBrokerName(), i));
            }
        }
        return new TopicPublishInfo(queues);
    }

    public static Set<MessageQueue> toSubscribeInfo(String topic, TopicRouteData route) {
        Set<MessageQueue> queues = new HashSet<>();
        for (QueueData qd : route.getQueueDatas()) {
            if (PermName.isReadable(qd.getPerm())) {
                for (int i = 0; i < qd.getReadQueueNums(); i++) {
                    queues.add(new MessageQueue(topic, qd.getBrokerName(), i));
                }
            }
        }
        return queues;
    }

    private static String masterAddr(TopicRouteData route, String brokerName) {
        for (BrokerData bd : route.getBrokerDatas()) {
            if (bd.getBrokerName().equals(brokerName)) {
                return bd.getBrokerAddrs().get(BrokerData.MASTER_ID);
            }
        }
        return null;
    }
}
