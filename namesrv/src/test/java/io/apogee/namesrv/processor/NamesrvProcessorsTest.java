package io.apogee.namesrv.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.kv.KvConfigManager;
import io.apogee.namesrv.route.RouteInfoManager;
import io.apogee.protocol.DataVersion;
import io.apogee.protocol.Json;
import io.apogee.protocol.KVTable;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.apogee.protocol.TopicList;
import io.apogee.protocol.namesrv.BrokerHeartbeatRequestHeader;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.protocol.namesrv.GetBrokerMemberGroupRequestHeader;
import io.apogee.protocol.namesrv.GetBrokerMemberGroupResponseBody;
import io.apogee.protocol.namesrv.GetKVConfigRequestHeader;
import io.apogee.protocol.namesrv.GetRouteInfoRequestHeader;
import io.apogee.protocol.namesrv.KvNamespace;
import io.apogee.protocol.namesrv.PutKVConfigRequestHeader;
import io.apogee.protocol.namesrv.QueryDataVersionRequestHeader;
import io.apogee.protocol.namesrv.RegisterBrokerBody;
import io.apogee.protocol.namesrv.RegisterBrokerRequestHeader;
import io.apogee.protocol.namesrv.RegisterTopicRequestHeader;
import io.apogee.protocol.namesrv.UnRegisterBrokerRequestHeader;
import io.apogee.protocol.namesrv.WipeWritePermOfBrokerRequestHeader;
import io.apogee.protocol.namesrv.ZoneFields;
import io.apogee.protocol.route.QueueData;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class NamesrvProcessorsTest {
    @TempDir
    Path dir;
    private final NamesrvConfig config = new NamesrvConfig();
    private final NettyServerConfig serverConfig = new NettyServerConfig();
    private final RouteInfoManager routes = new RouteInfoManager();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private KvConfigManager kv;
    private BrokerRequestProcessor brokers;
    private RouteQueryProcessor routeQueries;
    private ClusterAdminProcessor admin;
    private KvConfigProcessor kvProcessor;
    private NamesrvConfigProcessor configProcessor;

    @BeforeEach
    void setUp() {
        kv = new KvConfigManager(dir.resolve("kvConfig.json"));
        brokers = new BrokerRequestProcessor(config, routes, kv);
        routeQueries = new RouteQueryProcessor(config, routes, kv);
        admin = new ClusterAdminProcessor(config, routes);
        kvProcessor = new KvConfigProcessor(kv);
        configProcessor = new NamesrvConfigProcessor(config, config, serverConfig);
    }

    @Test
    void plainAndCompressedRegistrationsBothPublishRoutes() throws Exception {
        assertThat(call(brokers, registerRequest("broker-a", 0, "a:10911", false, true)).getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(call(brokers, registerRequest("broker-b", 0, "b:10911", true, true)).getCode()).isEqualTo(ResponseCode.SUCCESS);

        RemotingCommand response = call(routeQueries, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader().setTopic("TopicTest")));

        TopicRouteData route = Json.parse(response.getBody(), TopicRouteData.class);
        assertThat(route.getBrokerDatas()).extracting(b -> b.getBrokerName()).containsExactlyInAnyOrder("broker-a", "broker-b");
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).contains("\"brokerAddrs\":{\"0\":");
    }

    @Test
    void aSlaveIsToldItsMaster() throws Exception {
        call(brokers, registerRequest("broker-a", 0, "a:10911", false, false));

        RemotingCommand response = call(brokers, registerRequest("broker-a", 1, "a2:10911", false, false));

        assertThat(response.extField("masterAddr")).isEqualTo("a:10911");
        assertThat(response.extField("haServerAddr")).isEqualTo("a:10912");
    }

    @Test
    void aBodyWithTheWrongCrcIsRefused() throws Exception {
        RemotingCommand request = registerRequest("broker-a", 0, "a:10911", false, true);
        request.addExtField("bodyCrc32", "12345");

        RemotingCommand response = call(brokers, request);

        assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).isEqualTo("crc32 not match");
        assertThat(routes.getAllTopicList().getTopicList()).isEmpty();
    }

    @Test
    void anUnknownTopicGetsTheOfficialRemark() throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader().setTopic("Nope"));
        RemotingCommand response = call(routeQueries, request);

        assertThat(response.getCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.getRemark()).startsWith("No topic route info in name server for the topic: Nope\nSee ");
        assertThat(response.getOpaque()).isEqualTo(request.getOpaque());
        assertThat(response.isResponse()).isTrue();
    }

    @Test
    void memberGroupTopicRegistrationHeartbeatAndUnregistration() throws Exception {
        call(brokers, registerRequest("broker-a", 0, "a:10911", false, false));

        RemotingCommand group = call(brokers, RemotingCommand.request(RequestCode.GET_BROKER_MEMBER_GROUP,
                new GetBrokerMemberGroupRequestHeader().setClusterName("DefaultCluster").setBrokerName("broker-a")));
        RemotingCommand registerTopic = RemotingCommand.request(RequestCode.REGISTER_TOPIC_IN_NAMESRV,
                new RegisterTopicRequestHeader().setTopic("Single"));
        registerTopic.setBody(Json.toBytes(new TopicRouteData(List.of(new QueueData("broker-a", 2, 2, 6, 0),
                new QueueData("unknown-broker", 2, 2, 6, 0)), List.of())));
        call(brokers, registerTopic);
        RemotingCommand heartbeat = call(brokers, RemotingCommand.request(RequestCode.BROKER_HEARTBEAT,
                new BrokerHeartbeatRequestHeader().setClusterName("DefaultCluster").setBrokerAddr("a:10911").setBrokerName("broker-a")));

        assertThat(Json.parse(group.getBody(), GetBrokerMemberGroupResponseBody.class).getBrokerMemberGroup().getBrokerAddrs())
                .containsOnly(Map.entry(0L, "a:10911"));
        assertThat(routes.pickupTopicRouteData("Single").getQueueDatas()).extracting(QueueData::getBrokerName).containsExactly("broker-a");
        assertThat(heartbeat.getCode()).isEqualTo(ResponseCode.SUCCESS);

        call(brokers, RemotingCommand.request(RequestCode.UNREGISTER_BROKER, new UnRegisterBrokerRequestHeader()
                .setClusterName("DefaultCluster").setBrokerAddr("a:10911").setBrokerName("broker-a").setBrokerId(0L)));
        assertThat(routes.pickupTopicRouteData("TopicTest")).isNull();
    }

    @Test
    void zoneModeNarrowsTheRouteToTheClientsZone() throws Exception {
        call(brokers, registerRequest("broker-a", 0, "a:10911", false, false).addExtField(ZoneFields.ZONE_NAME, "zone-1"));
        call(brokers, registerRequest("broker-b", 0, "b:10911", false, false).addExtField(ZoneFields.ZONE_NAME, "zone-2"));
        RemotingCommand zoned = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader().setTopic("TopicTest"))
                .addExtField(ZoneFields.ZONE_MODE, "true").addExtField(ZoneFields.ZONE_NAME, "ZONE-1");
        RemotingCommand unzoned = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader().setTopic("TopicTest"))
                .addExtField(ZoneFields.ZONE_NAME, "zone-1");

        TopicRouteData narrowed = Json.parse(call(routeQueries, zoned).getBody(), TopicRouteData.class);
        TopicRouteData full = Json.parse(call(routeQueries, unzoned).getBody(), TopicRouteData.class);

        assertThat(narrowed.getBrokerDatas()).extracting(b -> b.getZoneName()).containsExactly("zone-1");
        assertThat(narrowed.getQueueDatas()).extracting(q -> q.getBrokerName()).containsExactly("broker-a");
        assertThat(full.getBrokerDatas()).hasSize(2);
    }

    @Test
    void orderTopicConfigComesFromTheKvTable() throws Exception {
        config.setOrderMessageEnable(true);
        call(brokers, registerRequest("broker-a", 0, "a:10911", false, false));
        kv.put(KvNamespace.ORDER_TOPIC_CONFIG, "TopicTest", "broker-a:4");

        RemotingCommand response = call(routeQueries, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader().setTopic("TopicTest")));
        RemotingCommand registration = call(brokers, registerRequest("broker-a", 0, "a:10911", false, false));

        assertThat(Json.parse(response.getBody(), TopicRouteData.class).getOrderTopicConf()).isEqualTo("broker-a:4");
        assertThat(Json.parse(registration.getBody(), KVTable.class).getTable()).containsEntry("TopicTest", "broker-a:4");
    }

    @Test
    void queryDataVersionReportsChanges() throws Exception {
        call(brokers, registerRequest("broker-a", 0, "a:10911", false, false));

        assertThat(queryVersion(new DataVersion(1700000000000L, 1)).extField("changed")).isEqualTo("false");
        assertThat(queryVersion(new DataVersion(1700000000000L, 2)).extField("changed")).isEqualTo("true");
    }

    @Test
    void clusterInfoTopicListsAndWritePermission() throws Exception {
        call(brokers, registerRequest("broker-a", 0, "a:10911", false, false));

        ClusterInfo info = Json.parse(call(admin, RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO)).getBody(), ClusterInfo.class);
        TopicList all = Json.parse(call(admin, RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER)).getBody(), TopicList.class);
        TopicList unit = Json.parse(call(admin, RemotingCommand.request(RequestCode.GET_UNIT_TOPIC_LIST)).getBody(), TopicList.class);
        RemotingCommand wiped = call(admin, RemotingCommand.request(RequestCode.WIPE_WRITE_PERM_OF_BROKER,
                new WipeWritePermOfBrokerRequestHeader().setBrokerName("broker-a")));

        assertThat(info.getClusterAddrTable()).containsKey("DefaultCluster");
        assertThat(all.getTopicList()).containsExactly("OtherTopic", "TopicTest");
        assertThat(unit.getTopicList()).isEmpty();
        assertThat(wiped.extField("wipeTopicCount")).isEqualTo("2");

        config.setEnableAllTopicList(false);
        assertThat(call(admin, RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER)).getRemark()).isEqualTo("disable");
    }

    @Test
    void kvConfigRoundTripAndNotFound() throws Exception {
        call(kvProcessor, RemotingCommand.request(RequestCode.PUT_KV_CONFIG,
                new PutKVConfigRequestHeader().setNamespace("ns").setKey("k").setValue("v")));

        RemotingCommand found = call(kvProcessor, RemotingCommand.request(RequestCode.GET_KV_CONFIG,
                new GetKVConfigRequestHeader().setNamespace("ns").setKey("k")));
        RemotingCommand missing = call(kvProcessor, RemotingCommand.request(RequestCode.GET_KV_CONFIG,
                new GetKVConfigRequestHeader().setNamespace("ns").setKey("other")));

        assertThat(found.extField("value")).isEqualTo("v");
        assertThat(missing.getCode()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(missing.getRemark()).isEqualTo("No config item, Namespace: ns Key: other");
    }

    @Test
    void missingRequiredHeaderFieldsAreReportedByName() {
        RemotingCommand request = RemotingCommand.request(RequestCode.PUT_KV_CONFIG);
        request.addExtField("namespace", "ns");

        assertThatThrownBy(() -> call(kvProcessor, request))
                .isInstanceOf(RemotingCommandException.class)
                .hasMessageContaining("key");
    }

    @Test
    void configCanBeReadAndUpdatedExceptTheBlackList() throws Exception {
        RemotingCommand update = RemotingCommand.request(RequestCode.UPDATE_NAMESRV_CONFIG);
        update.setBody("orderMessageEnable=true\n".getBytes(StandardCharsets.UTF_8));
        RemotingCommand forbidden = RemotingCommand.request(RequestCode.UPDATE_NAMESRV_CONFIG);
        forbidden.setBody("kvConfigPath=/etc/passwd\n".getBytes(StandardCharsets.UTF_8));

        assertThat(call(configProcessor, update).getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(call(configProcessor, forbidden).getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        String text = new String(call(configProcessor, RemotingCommand.request(RequestCode.GET_NAMESRV_CONFIG)).getBody(),
                StandardCharsets.UTF_8);

        assertThat(config.isOrderMessageEnable()).isTrue();
        assertThat(text).contains("orderMessageEnable=true\n").contains("listenPort=");
        assertThat(config.getKvConfigPath()).isNotEqualTo("/etc/passwd");
    }

    private RemotingCommand queryVersion(DataVersion version) throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.QUERY_DATA_VERSION, new QueryDataVersionRequestHeader()
                .setBrokerName("broker-a").setBrokerAddr("a:10911").setClusterName("DefaultCluster").setBrokerId(0L));
        request.setBody(Json.toBytes(version));
        return call(brokers, request);
    }

    private RemotingCommand call(RequestProcessor processor, RemotingCommand request) throws Exception {
        return processor.process(channel, request).get();
    }

    private static RemotingCommand registerRequest(String brokerName, long brokerId, String addr, boolean compressed, boolean withCrc) {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper(new DataVersion(1700000000000L, 1), Map.of(
                "TopicTest", new TopicConfig("TopicTest", 4, 4, 6), "OtherTopic", new TopicConfig("OtherTopic", 2, 2, 6)));
        byte[] body = new RegisterBrokerBody(wrapper, List.of()).encode(compressed, RemotingCommand.CURRENT_VERSION);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader().setBrokerName(brokerName).setBrokerId(brokerId)
                .setBrokerAddr(addr).setClusterName("DefaultCluster").setCompressed(compressed)
                .setHaServerAddr(addr.substring(0, addr.indexOf(':')) + ":10912");
        if (withCrc) {
            CRC32 crc = new CRC32();
            crc.update(body);
            header.setBodyCrc32((int) (crc.getValue() & 0x7FFFFFFF));
        }
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, header).setBody(body);
    }
}
