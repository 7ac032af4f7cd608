package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.fastjson.JSON;
import com.fasterxml.jackson.core.type.TypeReference;
import io.apogee.protocol.Json;
import io.apogee.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.DataVersion;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigAndMappingSerializeWrapper;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our Json mapper and body codecs against the real fastjson 1.2.83 and the official 5.2.0 body classes, both ways. */
@Timeout(30)
class FastjsonInteropTest {
    private static final TypeReference<Map<io.apogee.common.message.MessageQueue, Long>> OUR_OFFSETS = new TypeReference<>() {
    };

    @Test
    void messageQueueKeyedMapsCrossBothWays() {
        Map<MessageQueue, Long> official = new HashMap<>();
        official.put(new MessageQueue("T", "broker-a", 0), 100L);
        official.put(new MessageQueue("T", "broker-a", 1), 200L);

        Map<io.apogee.common.message.MessageQueue, Long> ours = Json.parse(JSON.toJSONString(official), OUR_OFFSETS);
        assertThat(ours).containsOnly(
                Map.entry(new io.apogee.common.message.MessageQueue("T", "broker-a", 0), 100L),
                Map.entry(new io.apogee.common.message.MessageQueue("T", "broker-a", 1), 200L));

        Map<MessageQueue, Long> back = JSON.parseObject(Json.toJson(ours),
                new com.alibaba.fastjson.TypeReference<Map<MessageQueue, Long>>() {
                });
        assertThat(back).isEqualTo(official);
    }

    @Test
    void routeDataCrossesBothWays() {
        TopicRouteData official = new TopicRouteData();
        HashMap<Long, String> addrs = new HashMap<>(Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921"));
        official.setBrokerDatas(List.of(new BrokerData("DefaultCluster", "broker-a", addrs)));
        QueueData queueData = new QueueData();
        queueData.setBrokerName("broker-a");
        queueData.setReadQueueNums(4);
        queueData.setWriteQueueNums(4);
        queueData.setPerm(6);
        official.setQueueDatas(List.of(queueData));
        official.setFilterServerTable(new HashMap<>());

        // Plain fastjson output, as the official name server gives old clients: unquoted numeric keys.
        String plain = RemotingSerializable.toJson(official, false);
        assertThat(plain).contains("{0:\"127.0.0.1:10911\"");
        io.apogee.protocol.route.TopicRouteData ours = Json.parse(plain, io.apogee.protocol.route.TopicRouteData.class);
        assertThat(ours.getBrokerDatas().get(0).getBrokerAddrs()).isEqualTo(addrs);
        assertThat(ours.getQueueDatas().get(0).getPerm()).isEqualTo(6);

        TopicRouteData back = RemotingSerializable.decode(Json.toBytes(ours), TopicRouteData.class);
        assertThat(back).isEqualTo(official);
    }

    @Test
    void clusterInfoAndDataVersionAsTheOfficialClassesWriteAndReadThem() {
        ClusterInfo official = new ClusterInfo();
        official.setBrokerAddrTable(new HashMap<>(Map.of("broker-a",
                new BrokerData("DefaultCluster", "broker-a", new HashMap<>(Map.of(0L, "127.0.0.1:10911"))))));
        official.setClusterAddrTable(new HashMap<>(Map.of("DefaultCluster", new HashSet<>(List.of("broker-a")))));

        io.apogee.protocol.namesrv.ClusterInfo ours = Json.parse(official.encode(), io.apogee.protocol.namesrv.ClusterInfo.class);
        assertThat(ours.getBrokerAddrTable().get("broker-a").masterAddr()).isEqualTo("127.0.0.1:10911");
        assertThat(RemotingSerializable.decode(Json.toBytes(ours), ClusterInfo.class).getClusterAddrTable())
                .isEqualTo(official.getClusterAddrTable());

        DataVersion version = RemotingSerializable.decode(Json.toBytes(new io.apogee.protocol.DataVersion(1700000000000L, 7)),
                DataVersion.class);
        assertThat(version.getTimestamp()).isEqualTo(1700000000000L);
        assertThat(version.getCounter().get()).isEqualTo(7);
    }

    @Test
    void plainRegistrationBodiesCrossBothWays() throws Exception {
        registrationBodiesCrossBothWays(false);
    }

    @Test
    void compressedRegistrationBodiesCrossBothWays() throws Exception {
        registrationBodiesCrossBothWays(true);
    }

    private static void registrationBodiesCrossBothWays(boolean compressed) throws Exception {
        RegisterBrokerBody official = new RegisterBrokerBody();
        TopicConfigAndMappingSerializeWrapper wrapper = new TopicConfigAndMappingSerializeWrapper();
        ConcurrentHashMap<String, TopicConfig> table = new ConcurrentHashMap<>();
        table.put("TopicTest", new TopicConfig("TopicTest", 8, 4, 6));
        table.put("Other", new TopicConfig("Other", 1, 1, 4));
        wrapper.setTopicConfigTable(table);
        wrapper.getDataVersion().nextVersion();
        official.setTopicConfigSerializeWrapper(wrapper);

        io.apogee.protocol.namesrv.RegisterBrokerBody ours = io.apogee.protocol.namesrv.RegisterBrokerBody.decode(
                official.encode(compressed), compressed, RemotingCommand.CURRENT_VERSION);
        io.apogee.protocol.TopicConfig topic = ours.getTopicConfigSerializeWrapper().getTopicConfigTable().get("TopicTest");
        assertThat(topic.getReadQueueNums()).isEqualTo(8);
        assertThat(topic.getWriteQueueNums()).isEqualTo(4);
        assertThat(ours.getTopicConfigSerializeWrapper().getDataVersion().getCounter()).isEqualTo(1);

        RegisterBrokerBody back = RegisterBrokerBody.decode(ours.encode(compressed, RemotingCommand.CURRENT_VERSION), compressed,
                MQVersion.Version.V5_2_0);
        assertThat(back.getTopicConfigSerializeWrapper().getTopicConfigTable()).isEqualTo(table);
        assertThat(back.getTopicConfigSerializeWrapper().getDataVersion()).isEqualTo(wrapper.getDataVersion());
        assertThat(new String(Json.toBytes(ours), StandardCharsets.UTF_8)).doesNotContain("null");
    }
}
