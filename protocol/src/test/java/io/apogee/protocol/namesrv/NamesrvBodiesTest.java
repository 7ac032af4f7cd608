package io.apogee.protocol.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.apogee.protocol.DataVersion;
import io.apogee.protocol.Json;
import io.apogee.protocol.KVTable;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class NamesrvBodiesTest {
    /** bodies.md §4, 5.x shape. */
    private static final String REGISTER_V5 = """
            {"filterServerList":[],
             "topicConfigSerializeWrapper":{
               "dataVersion":{"counter":0,"stateVersion":0,"timestamp":1700000000000},
               "mappingDataVersion":{"counter":0,"stateVersion":0,"timestamp":1700000000000},
               "topicConfigTable":{"TopicTest":{"attributes":{},"order":false,"perm":6,"readQueueNums":4,
                    "topicFilterType":"SINGLE_TAG","topicName":"TopicTest","topicSysFlag":0,"writeQueueNums":4}},
               "topicQueueMappingDetailMap":{},"topicQueueMappingInfoMap":{}}}
            """;

    @Test
    void parsesTheFiveXRegistrationAndWritesItBack() {
        RegisterBrokerBody body = Json.parse(REGISTER_V5, RegisterBrokerBody.class);

        TopicConfigSerializeWrapper wrapper = body.getTopicConfigSerializeWrapper();
        assertThat(wrapper.getDataVersion()).isEqualTo(new DataVersion(1700000000000L, 0));
        assertThat(wrapper.getTopicConfigTable()).containsOnlyKeys("TopicTest");
        assertThat(wrapper.getTopicConfigTable().get("TopicTest")).isEqualTo(new TopicConfig("TopicTest", 4, 4, 6));
        assertThat(Json.toJson(body)).isEqualTo(REGISTER_V5.replaceAll("\\s", ""));
    }

    @Test
    void parsesTheFourNineRegistration() {
        String v4 = "{\"filterServerList\":[],\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":5,"
                + "\"timestamp\":1700000000001},\"topicConfigTable\":{\"T\":{\"order\":true,\"perm\":2,\"readQueueNums\":1,"
                + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"T\",\"topicSysFlag\":1,\"writeQueueNums\":2}}}}";

        TopicConfig topic = Json.parse(v4, RegisterBrokerBody.class).getTopicConfigSerializeWrapper().getTopicConfigTable().get("T");

        assertThat(topic.isOrder()).isTrue();
        assertThat(topic.getTopicSysFlag()).isEqualTo(1);
        assertThat(topic.getWriteQueueNums()).isEqualTo(2);
    }

    @Test
    void compressedFormRoundTripsForBothVersions() {
        TopicConfig a = new TopicConfig("A", 4, 4, 6);
        a.setAttributes(Map.of("message.type", "NORMAL"));
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper(new DataVersion(42L, 7), Map.of(
                "A", a, "B with space", new TopicConfig("B", 1, 1, 4)));
        wrapper.setTopicQueueMappingInfoMap(Map.of("A", JsonNodeFactory.instance.objectNode().put("topic", "A").put("totalQueues", 4)));
        RegisterBrokerBody body = new RegisterBrokerBody(wrapper, List.of("f1"));

        RegisterBrokerBody v5 = RegisterBrokerBody.decode(body.encode(true, 453), true, 453);
        RegisterBrokerBody v4 = RegisterBrokerBody.decode(body.encode(true, 407), true, 407);

        for (RegisterBrokerBody decoded : List.of(v5, v4)) {
            assertThat(decoded.getTopicConfigSerializeWrapper().getDataVersion()).isEqualTo(new DataVersion(42L, 7));
            assertThat(decoded.getTopicConfigSerializeWrapper().getTopicConfigTable()).containsOnlyKeys("A", "B");
            assertThat(decoded.getFilterServerList()).containsExactly("f1");
        }
        assertThat(v5.getTopicConfigSerializeWrapper().getTopicConfigTable().get("A")).isEqualTo(a);
        assertThat(v5.getTopicConfigSerializeWrapper().getTopicQueueMappingInfoMap()).containsOnlyKeys("A");
        // The 4.9 layout has neither attributes nor static-topic mappings.
        assertThat(v4.getTopicConfigSerializeWrapper().getTopicConfigTable().get("A").getAttributes()).isEmpty();
        assertThat(v4.getTopicConfigSerializeWrapper().getTopicQueueMappingInfoMap()).isEmpty();
    }

    @Test
    void aCompressedBodyIsRecognisedEvenWhenTheHeaderDeniesIt() {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper(new DataVersion(1L, 1), Map.of(
                "A", new TopicConfig("A"), "B", new TopicConfig("B")));
        byte[] compressed = new RegisterBrokerBody(wrapper, List.of()).encode(true, 453);

        RegisterBrokerBody decoded = RegisterBrokerBody.decode(compressed, false, 453);

        assertThat(decoded.getTopicConfigSerializeWrapper().getTopicConfigTable()).containsOnlyKeys("A", "B");
    }

    @Test
    void garbageCompressedBodyIsRejectedWithAReason() {
        assertThatThrownBy(() -> RegisterBrokerBody.decode(new byte[] {1, 2, 3}, true, 453))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compressed registration");
    }

    @Test
    void parsesClusterInfoAsTheOfficialNameServerWritesIt() {
        String fastjson = "{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{0:\"127.0.0.1:10911\"},\"brokerName\":\"broker-a\","
                + "\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}},\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}}";

        ClusterInfo info = Json.parse(fastjson, ClusterInfo.class);

        assertThat(info.getBrokerAddrTable().get("broker-a").masterAddr()).isEqualTo("127.0.0.1:10911");
        assertThat(info.getClusterAddrTable()).containsExactly(Map.entry("DefaultCluster", Set.of("broker-a")));
        assertThat(Json.toJson(info)).isEqualTo(fastjson.replace("{0:", "{\"0\":"));
    }

    @Test
    void kvTableTopicListAndMemberGroupShapes() {
        assertThat(Json.toJson(new KVTable(Map.of("k", "v")))).isEqualTo("{\"table\":{\"k\":\"v\"}}");
        assertThat(Json.parse("{\"topicList\":[\"B\",\"A\"],\"brokerAddr\":\"x:1\"}", io.apogee.protocol.TopicList.class)
                .getTopicList()).containsExactly("A", "B");
        assertThat(Json.toJson(new GetBrokerMemberGroupResponseBody(new BrokerMemberGroup("c", "b", Map.of(0L, "x:1")))))
                .isEqualTo("{\"brokerMemberGroup\":{\"brokerAddrs\":{\"0\":\"x:1\"},\"brokerName\":\"b\",\"cluster\":\"c\"}}");
    }
}
