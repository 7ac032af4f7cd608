package io.apogee.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.protocol.DataVersion;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.apogee.protocol.namesrv.GetRouteInfoRequestHeader;
import io.apogee.protocol.namesrv.RegisterBrokerBody;
import io.apogee.protocol.namesrv.RegisterBrokerRequestHeader;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The controller over real TCP with our own remoting client: routes, connection-close removal, shutdown. */
@Timeout(30)
class NamesrvControllerTest {
    @TempDir
    Path dir;

    @Test
    void servesRoutesDropsClosedBrokersAndShutsDownCompletely() throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setBindAddress("127.0.0.1");
        NamesrvController namesrv = new NamesrvController(config, serverConfig);
        namesrv.start();
        String addr = "127.0.0.1:" + namesrv.localPort();
        NettyRemotingClient broker = new NettyRemotingClient(new NettyClientConfig());
        broker.start();
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            assertThat(broker.invokeSync(addr, registration(), 5_000).getCode()).isEqualTo(ResponseCode.SUCCESS);
            RemotingCommand route = client.invokeSync(addr, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                    new GetRouteInfoRequestHeader().setTopic("T")), 5_000);
            assertThat(Json.parse(route.getBody(), TopicRouteData.class).getBrokerDatas().get(0).masterAddr()).isEqualTo("127.0.0.1:30911");

            broker.shutdown();
            await().atMost(Duration.ofSeconds(5)).until(() -> namesrv.routeInfoManager().pickupTopicRouteData("T") == null);
        } finally {
            client.shutdown();
            broker.shutdown();
            namesrv.shutdown();
        }
        assertThat(portAccepts(namesrv.localPort())).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("Namesrv") && t.isAlive()));
    }

    @Test
    void aFailedStartLeavesNoThreadsBehind() throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NettyServerConfig serverConfig = new NettyServerConfig();
            serverConfig.setBindAddress("127.0.0.1");
            serverConfig.setListenPort(taken.getLocalPort());

            assertThatThrownBy(() -> new NamesrvController(config, serverConfig).start()).isInstanceOf(IllegalStateException.class);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("Namesrv") && t.isAlive()));
    }

    private static RemotingCommand registration() {
        TopicConfigSerializeWrapper topics = new TopicConfigSerializeWrapper(new DataVersion(), Map.of(
                "T", new TopicConfig("T", 4, 4, 6), "U", new TopicConfig("U", 4, 4, 6)));
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, new RegisterBrokerRequestHeader()
                        .setBrokerName("b").setBrokerId(0L).setBrokerAddr("127.0.0.1:30911").setClusterName("c")
                        .setHaServerAddr("127.0.0.1:30912"))
                .setBody(new RegisterBrokerBody(topics, List.of()).encode(false, RemotingCommand.CURRENT_VERSION));
    }

    private static boolean portAccepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
