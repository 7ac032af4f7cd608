package io.apogee.protocol.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.protocol.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TopicRouteDataTest {
    /** bodies.md §1, standard-JSON form. */
    private static final String SAMPLE = """
            {"brokerDatas":[{"brokerAddrs":{"0":"127.0.0.1:10911","1":"127.0.0.1:10921"},
                             "brokerName":"broker-a","cluster":"DefaultCluster","enableActingMaster":false}],
             "filterServerTable":{},
             "queueDatas":[{"brokerName":"broker-a","perm":6,"readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}]}
            """;

    @Test
    void parsesTheSampleAndWritesItBackIdentically() {
        TopicRouteData route = Json.parse(SAMPLE, TopicRouteData.class);

        assertThat(route.getQueueDatas()).containsExactly(new QueueData("broker-a", 4, 4, 6, 0));
        assertThat(route.getBrokerDatas()).containsExactly(
                new BrokerData("DefaultCluster", "broker-a", Map.of(0L, "127.0.0.1:10911", 1L, "127.0.0.1:10921")));
        assertThat(route.getBrokerDatas().get(0).masterAddr()).isEqualTo("127.0.0.1:10911");
        assertThat(Json.toJson(route)).isEqualTo(SAMPLE.replaceAll("\\s", ""));
    }

    @Test
    void parsesThePlainFastjsonFormWithUnquotedKeys() {
        String fastjson = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"127.0.0.1:10911\"},\"brokerName\":\"broker-a\","
                + "\"cluster\":\"c\"}],\"queueDatas\":[],\"orderTopicConf\":\"broker-a:4\"}";

        TopicRouteData route = Json.parse(fastjson, TopicRouteData.class);

        assertThat(route.getBrokerDatas().get(0).getBrokerAddrs()).containsExactly(Map.entry(0L, "127.0.0.1:10911"));
        assertThat(route.getOrderTopicConf()).isEqualTo("broker-a:4");
        assertThat(route.getFilterServerTable()).isEmpty();
    }

    @Test
    void emptyRouteStillCarriesTheListsClientsIterate() {
        assertThat(Json.toJson(new TopicRouteData(List.of(), List.of())))
                .isEqualTo("{\"brokerDatas\":[],\"filterServerTable\":{},\"queueDatas\":[]}");
    }
}
