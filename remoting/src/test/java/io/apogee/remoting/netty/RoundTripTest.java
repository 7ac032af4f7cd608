package io.apogee.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.SerializeType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RoundTripTest {
    private NettyRemotingServer server;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        server = TestServers.echoServer(TestServers.serverConfig());
        client = new NettyRemotingClient(TestServers.clientConfig());
        client.start();
    }

    @AfterEach
    void stop() {
        client.shutdown();
        server.shutdown();
    }

    @Test
    void syncCallEchoesBodyRemarkAndExtFields() throws Exception {
        RemotingCommand request = RemotingCommand.request(TestServers.ECHO).addExtField("topic", "TopicTest");
        request.setRemark("héllo");
        request.setBody("body".getBytes(StandardCharsets.UTF_8));

        RemotingCommand response = client.invokeSync(TestServers.addr(server), request, 3000);

        assertThat(response.isResponse()).isTrue();
        assertThat(response.getOpaque()).isEqualTo(request.getOpaque());
        assertThat(response.getRemark()).isEqualTo("héllo");
        assertThat(response.extField("topic")).isEqualTo("TopicTest");
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("body");
    }

    @Test
    void binaryHeaderRequestIsAnswered() throws Exception {
        RemotingCommand request = RemotingCommand.request(TestServers.ECHO).addExtField("k", "v");
        request.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);

        RemotingCommand response = client.invokeSync(TestServers.addr(server), request, 3000);

        assertThat(response.extField("k")).isEqualTo("v");
        assertThat(response.getSerializeTypeCurrentRPC()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void nioTransportWorksToo() throws Exception {
        NettyServerConfig serverConfig = TestServers.serverConfig();
        serverConfig.setUseEpollNativeSelector(false);
        NettyRemotingServer nioServer = TestServers.echoServer(serverConfig);
        NettyClientConfig clientConfig = TestServers.clientConfig();
        clientConfig.setUseEpollNativeSelector(false);
        NettyRemotingClient nioClient = new NettyRemotingClient(clientConfig);
        nioClient.start();
        try {
            assertThat(nioClient.invokeSync(TestServers.addr(nioServer), RemotingCommand.request(TestServers.ECHO), 3000).getCode()).isZero();
        } finally {
            nioClient.shutdown();
            nioServer.shutdown();
        }
    }

    @Test
    void bracketedIpv6StyleAddressIsParsed() {
        assertThat(RemotingAddress.parse("[::1]:9876").getHostString()).isEqualTo("::1");
        assertThat(RemotingAddress.parse("10.0.0.1:10911").getPort()).isEqualTo(10911);
    }

    @Test
    void bodiesUpToTheFrameLimitTravelAndLargerOnesFailTheSend() throws Exception {
        byte[] big = new byte[16 * 1024 * 1024 - 512];
        big[big.length - 1] = 7;
        RemotingCommand request = RemotingCommand.request(TestServers.ECHO).setBody(big);
        RemotingCommand response = client.invokeSync(TestServers.addr(server), request, 10_000);
        assertThat(response.getBody()).hasSize(big.length);
        assertThat(response.getBody()[big.length - 1]).isEqualTo((byte) 7);

        RemotingCommand tooBig = RemotingCommand.request(TestServers.ECHO).setBody(new byte[16 * 1024 * 1024]);
        assertThatThrownBy(() -> client.invokeSync(TestServers.addr(server), tooBig, 10_000))
                .isInstanceOf(RemotingSendRequestException.class)
                .rootCause().hasMessageContaining("exceeds the 16777216-byte limit");
    }

    @Test
    void asyncCallCompletes() throws Exception {
        RemotingCommand request = RemotingCommand.request(TestServers.ECHO);
        request.setRemark("async");

        RemotingCommand response = client.invokeAsync(TestServers.addr(server), request, 3000).get(5, TimeUnit.SECONDS);

        assertThat(response.getRemark()).isEqualTo("async");
    }
}
