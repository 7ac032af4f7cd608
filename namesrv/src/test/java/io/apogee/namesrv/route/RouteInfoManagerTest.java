package io.apogee.namesrv.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.protocol.DataVersion;
import io.apogee.protocol.PermName;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.apogee.protocol.TopicSysFlag;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RouteInfoManagerTest {
    private static final long TIMEOUT = 120_000;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RouteInfoManager routes = new RouteInfoManager(now::get);

    @Test
    void masterRegistrationPublishesRoutesClusterAndTopics() {
        routes.registerBroker(registration("c1", "broker-a", 0, "10.0.0.1:10911", version(1), new EmbeddedChannel(),
                topic("T1", 4, PermName.READ_WRITE), topic("T2", 2, PermName.PERM_READ)));

        TopicRouteData route = routes.pickupTopicRouteData("T1");

        assertThat(route.getQueueDatas()).containsExactly(new QueueData("broker-a", 4, 4, 6, 0));
        assertThat(route.getBrokerDatas()).containsExactly(new BrokerData("c1", "broker-a", Map.of(0L, "10.0.0.1:10911")));
        assertThat(routes.getAllClusterInfo().getClusterAddrTable()).containsOnlyKeys("c1");
        assertThat(routes.getAllTopicList().getTopicList()).containsExactly("T1", "T2");
        assertThat(routes.getTopicsByCluster("c1").getTopicList()).containsExactly("T1", "T2");
        assertThat(routes.getTopicsByCluster("other").getTopicList()).isEmpty();
        assertThat(routes.pickupTopicRouteData("unknown")).isNull();
    }

    @Test
    void slaveLearnsItsMasterAndDoesNotChangeQueueData() {
        routes.registerBroker(registration("c1", "broker-a", 0, "m:10911", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));

        RegistrationResult slave = routes.registerBroker(registration("c1", "broker-a", 1, "s:10911", version(9), null,
                topic("T", 8, 6), topic("U", 1, 6)));

        assertThat(slave).isEqualTo(new RegistrationResult(true, "m:10911", "m:10912"));
        assertThat(routes.pickupTopicRouteData("T").getQueueDatas().get(0).getReadQueueNums()).isEqualTo(4);
        assertThat(routes.pickupTopicRouteData("T").getBrokerDatas().get(0).getBrokerAddrs())
                .containsOnly(Map.entry(0L, "m:10911"), Map.entry(1L, "s:10911"));
    }

    @Test
    void queueDataIsRebuiltOnlyWhenTheDataVersionChanges() {
        routes.registerBroker(registration("c1", "b", 0, "m:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));
        routes.registerBroker(registration("c1", "b", 0, "m:1", version(1), null, topic("T", 8, 6), topic("U", 1, 6)));
        assertThat(routes.pickupTopicRouteData("T").getQueueDatas().get(0).getWriteQueueNums()).isEqualTo(4);

        routes.registerBroker(registration("c1", "b", 0, "m:1", version(2), null, topic("T", 8, 6), topic("U", 1, 6)));

        assertThat(routes.pickupTopicRouteData("T").getQueueDatas().get(0).getWriteQueueNums()).isEqualTo(8);
        assertThat(routes.isBrokerTopicConfigChanged("c1", "m:1", version(2))).isFalse();
        assertThat(routes.isBrokerTopicConfigChanged("c1", "m:1", version(3))).isTrue();
    }

    @Test
    void incrementalRegistrationOfAnUnknownBrokerIsRefused() {
        assertThat(routes.registerBroker(registration("c1", "b", 0, "m:1", version(1), null, topic("T", 4, 6))).accepted()).isFalse();
        assertThat(routes.getAllClusterInfo().getBrokerAddrTable()).isEmpty();

        routes.registerBroker(registration("c1", "b", 0, "m:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));
        assertThat(routes.registerBroker(registration("c1", "b", 0, "m:1", version(2), null, topic("V", 4, 6))).accepted()).isTrue();
        assertThat(routes.pickupTopicRouteData("V")).isNotNull();
    }

    @Test
    void unregisteringTheLastAddressRemovesTheBrokerEverywhere() {
        routes.registerBroker(registration("c1", "b", 0, "m:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));
        routes.registerBroker(registration("c1", "b", 1, "s:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));

        routes.unregisterBroker("c1", "m:1", "b", 0);
        assertThat(routes.pickupTopicRouteData("T").getBrokerDatas().get(0).getBrokerAddrs()).containsOnlyKeys(1L);

        routes.unregisterBroker("c1", "s:1", "b", 1);
        assertThat(routes.pickupTopicRouteData("T")).isNull();
        assertThat(routes.getAllTopicList().getTopicList()).isEmpty();
        assertThat(routes.getAllClusterInfo().getClusterAddrTable()).isEmpty();
        assertThat(routes.getAllClusterInfo().getBrokerAddrTable()).isEmpty();
    }

    @Test
    void brokersExpireAfterTheirTimeoutAndChannelsAreClosed() {
        EmbeddedChannel channel = new EmbeddedChannel();
        routes.registerBroker(registration("c1", "b", 0, "m:1", version(1), channel, topic("T", 4, 6), topic("U", 1, 6)));

        now.addAndGet(TIMEOUT);
        assertThat(routes.scanNotActiveBroker()).isZero();
        routes.touchBroker("c1", "m:1");
        now.addAndGet(TIMEOUT);
        assertThat(routes.scanNotActiveBroker()).isZero();

        now.addAndGet(1);
        assertThat(routes.scanNotActiveBroker()).isEqualTo(1);
        assertThat(routes.pickupTopicRouteData("T")).isNull();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aClosedChannelRemovesOnlyTheBrokersBehindIt() {
        Channel first = new EmbeddedChannel();
        routes.registerBroker(registration("c1", "a", 0, "a:1", version(1), first, topic("T", 4, 6), topic("U", 1, 6)));
        routes.registerBroker(registration("c1", "b", 0, "b:1", version(1), new EmbeddedChannel(), topic("T", 4, 6), topic("U", 1, 6)));

        routes.onChannelDestroy(first);

        assertThat(routes.pickupTopicRouteData("T").getQueueDatas()).extracting(QueueData::getBrokerName).containsExactly("b");
    }

    @Test
    void aReusedBrokerIdIsNotRemovedWhenTheOldAddressGoes() {
        routes.registerBroker(registration("c1", "b", 0, "old:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));
        routes.registerBroker(registration("c1", "b", 0, "new:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));

        routes.unregisterBroker("c1", "old:1", "b", 0);

        assertThat(routes.pickupTopicRouteData("T").getBrokerDatas().get(0).masterAddr()).isEqualTo("new:1");
    }

    @Test
    void writePermissionCanBeWipedAndRestored() {
        routes.registerBroker(registration("c1", "b", 0, "m:1", version(1), null, topic("T", 4, 6), topic("U", 1, 7)));

        assertThat(routes.wipeWritePermOfBroker("b")).isEqualTo(2);
        assertThat(routes.pickupTopicRouteData("U").getQueueDatas().get(0).getPerm()).isEqualTo(5);
        assertThat(routes.addWritePermOfBroker("b")).isEqualTo(2);
        assertThat(routes.pickupTopicRouteData("U").getQueueDatas().get(0).getPerm()).isEqualTo(6);
        assertThat(routes.wipeWritePermOfBroker("nobody")).isZero();
    }

    @Test
    void topicsCanBeDeletedEverywhereOrPerCluster() {
        routes.registerBroker(registration("c1", "a", 0, "a:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));
        routes.registerBroker(registration("c2", "b", 0, "b:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));

        routes.deleteTopic("T", "c1");
        assertThat(routes.pickupTopicRouteData("T").getQueueDatas()).extracting(QueueData::getBrokerName).containsExactly("b");

        routes.deleteTopic("U", null);
        assertThat(routes.pickupTopicRouteData("U")).isNull();
    }

    @Test
    void systemAndUnitTopicLists() {
        TopicConfig unit = topic("UNIT", 1, 6);
        unit.setTopicSysFlag(TopicSysFlag.FLAG_UNIT);
        routes.registerBroker(registration("c1", "a", 0, "a:1", version(1), null, topic("T", 4, 6), unit));

        assertThat(routes.getSystemTopicList().getTopicList()).containsExactly("a", "c1");
        assertThat(routes.getSystemTopicList().getBrokerAddr()).isEqualTo("a:1");
        assertThat(routes.getTopicsBySysFlag(TopicSysFlag::hasUnitFlag).getTopicList()).containsExactly("UNIT");
        assertThat(routes.getBrokerMemberGroup("c1", "a").getBrokerAddrs()).containsOnly(Map.entry(0L, "a:1"));
    }

    @Test
    void readersNeverSeeATornRouteWhileWritersChurn() throws Exception {
        routes.registerBroker(registration("c1", "stable", 0, "s:1", version(1), null, topic("T", 4, 6), topic("U", 1, 6)));
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch reading = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                while (done.getCount() > 0) {
                    TopicRouteData route = routes.pickupTopicRouteData("T");
                    if (route == null || route.getQueueDatas().stream().noneMatch(q -> q.getBrokerName().equals("stable"))) {
                        failure.set("route lost the stable broker: " + route);
                    }
                    reading.countDown();
                }
            } catch (Throwable t) {
                // a reader tripping over a half-built route is a torn read too
                failure.set("reader threw " + t);
            } finally {
                reading.countDown();
            }
        });
        reader.start();
        assertThat(reading.await(10, TimeUnit.SECONDS)).as("the reader is running before the writers start").isTrue();
        for (int i = 0; i < 2_000; i++) {
            routes.registerBroker(registration("c1", "churn", 0, "c:1", version(i), null, topic("T", 1 + i % 8, 6), topic("U", 1, 6)));
            routes.unregisterBroker("c1", "c:1", "churn", 0);
        }
        done.countDown();
        reader.join();
        assertThat(failure.get()).isNull();
    }

    private static DataVersion version(long counter) {
        return new DataVersion(42L, counter);
    }

    private static TopicConfig topic(String name, int queues, int perm) {
        return new TopicConfig(name, queues, queues, perm);
    }

    private static BrokerRegistration registration(String cluster, String name, long id, String addr, DataVersion version,
                                                   Channel channel, TopicConfig... topics) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (TopicConfig topic : topics) {
            table.put(topic.getTopicName(), topic);
        }
        return new BrokerRegistration(cluster, addr, name, id, haAddr(addr), null, null, TIMEOUT,
                new TopicConfigSerializeWrapper(version, table), channel);
    }

    private static String haAddr(String addr) {
        String host = addr.substring(0, addr.indexOf(':'));
        int port = Integer.parseInt(addr.substring(addr.indexOf(':') + 1));
        return host + ":" + (port + 1);
    }
}
