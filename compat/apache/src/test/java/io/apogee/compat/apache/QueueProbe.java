package io.apogee.compat.apache;

import io.apogee.client.impl.MQClientAPI;
import io.apogee.client.impl.RouteConverter;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;

/** Reads routes and queue offsets straight from the servers, independent of the client under test. */
final class QueueProbe implements AutoCloseable {
    private final NettyRemotingClient remoting = new NettyRemotingClient(new NettyClientConfig());
    private final MQClientAPI api = new MQClientAPI(remoting);

    QueueProbe(String namesrvAddr) {
        remoting.start();
        api.updateNameServerAddressList(namesrvAddr);
    }

    TopicRouteData route(String topic) throws Exception {
        return api.getTopicRouteInfoFromNameServer(topic, 3000);
    }

    long maxOffset(MessageQueue mq) throws Exception {
        return api.getMaxOffset(masterOf(route(mq.getTopic()), mq.getBrokerName()), mq, 3000);
    }

    /** Messages stored in the topic over all its queues (max offsets summed; nothing is deleted in these tests). */
    long totalMessages(String topic) throws Exception {
        TopicRouteData route = route(topic);
        long total = 0;
        for (MessageQueue mq : RouteConverter.toSubscribeInfo(topic, route)) {
            total += api.getMaxOffset(masterOf(route, mq.getBrokerName()), mq, 3000);
        }
        return total;
    }

    private static String masterOf(TopicRouteData route, String brokerName) {
        return route.getBrokerDatas().stream().filter(b -> b.getBrokerName().equals(brokerName)).findFirst()
                .map(b -> b.getBrokerAddrs().get(BrokerData.MASTER_ID)).orElseThrow();
    }

    @Override
    public void close() {
        remoting.shutdown();
    }
}
