package io.apogee.namesrv.processor;

import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Narrows a route to the brokers of the client's zone. A broker without a master is kept whatever its
 * zone, so slaves-only groups stay readable; queues and filter servers of dropped brokers go with them.
 */
final class ZoneRouteFilter {
    private ZoneRouteFilter() {
    }

    static TopicRouteData filter(TopicRouteData route, String zone) {
        Set<String> droppedNames = new HashSet<>();
        Set<String> droppedAddrs = new HashSet<>();
        List<BrokerData> kept = route.getBrokerDatas().stream().filter(broker -> {
            boolean keep = broker.masterAddr() == null || zone.equalsIgnoreCase(broker.getZoneName());
            if (!keep) {
                droppedNames.add(broker.getBrokerName());
                droppedAddrs.addAll(broker.getBrokerAddrs().values());
            }
            return keep;
        }).toList();
        List<QueueData> queues = route.getQueueDatas().stream().filter(q -> !droppedNames.contains(q.getBrokerName())).toList();
        TopicRouteData filtered = new TopicRouteData(queues, kept);
        filtered.setOrderTopicConf(route.getOrderTopicConf());
        Map<String, List<String>> filterServers = new HashMap<>(route.getFilterServerTable());
        filterServers.keySet().removeAll(droppedAddrs);
        filtered.setFilterServerTable(filterServers);
        return filtered;
    }
}
