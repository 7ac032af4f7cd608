package io.apogee.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.RemotingResponseCode;
import io.apogee.remoting.protocol.SerializeType;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Apache RocketMQ 5.2.0's own client against our server, and our client against its server, over real sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OfficialInteropTest {

    @AfterAll
    static void noBufferLeaked() {
        LeakCheck.assertNoLeaks();
    }

    @Test
    void officialClientCallsOurServer() throws Exception {
        NettyRemotingServer server = TestServers.echoServer(TestServers.serverConfig());
        var client = new org.apache.rocketmq.remoting.netty.NettyRemotingClient(new org.apache.rocketmq.remoting.netty.NettyClientConfig());
        client.start();
        try {
            for (var type : org.apache.rocketmq.remoting.protocol.SerializeType.values()) {
                var request = org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(TestServers.ECHO, null);
                request.setSerializeTypeCurrentRPC(type);
                request.setRemark("from official " + type);
                HashMap<String, String> ext = new HashMap<>();
                ext.put("topic", "TopicTest");
                request.setExtFields(ext);
                request.setBody("payload".getBytes(StandardCharsets.UTF_8));

                var response = client.invokeSync(TestServers.addr(server), request, 3000);

                assertThat(response.getCode()).isZero();
                assertThat(response.getRemark()).isEqualTo("from official " + type);
                assertThat(response.getExtFields()).containsEntry("topic", "TopicTest");
                assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("payload");
            }
            var unknown = client.invokeSync(TestServers.addr(server),
                    org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(31337, null), 3000);
            assertThat(unknown.getCode()).isEqualTo(RemotingResponseCode.REQUEST_CODE_NOT_SUPPORTED);
            assertThat(unknown.getRemark()).isEqualTo(" request type 31337 not supported");
        } finally {
            client.shutdown();
            server.shutdown();
        }
    }

    @Test
    void ourClientCallsOfficialServer() throws Exception {
        var config = new org.apache.rocketmq.remoting.netty.NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        var server = new org.apache.rocketmq.remoting.netty.NettyRemotingServer(config);
        server.registerProcessor(TestServers.ECHO, new NettyRequestProcessor() {
            @Override
            public org.apache.rocketmq.remoting.protocol.RemotingCommand processRequest(ChannelHandlerContext ctx,
                    org.apache.rocketmq.remoting.protocol.RemotingCommand request) {
                var response = org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(0, request.getRemark());
                response.setExtFields(request.getExtFields());
                response.setBody(request.getBody());
                return response;
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        }, null);
        server.start();
        NettyRemotingClient client = new NettyRemotingClient(TestServers.clientConfig());
        client.start();
        String addr = "127.0.0.1:" + server.localListenPort();
        try {
            for (SerializeType type : SerializeType.values()) {
                RemotingCommand request = RemotingCommand.request(TestServers.ECHO).addExtField("k", "v\u0001w");
                request.setSerializeTypeCurrentRPC(type);
                request.setRemark("from apogee " + type);
                request.setBody(new byte[] {1, 2, 3});

                RemotingCommand response = client.invokeSync(addr, request, 3000);

                assertThat(response.getCode()).isZero();
                assertThat(response.getRemark()).isEqualTo("from apogee " + type);
                assertThat(response.getExtFields()).containsEntry("k", "v\u0001w");
                assertThat(response.getBody()).containsExactly(1, 2, 3);
            }
            RemotingCommand unknown = client.invokeAsync(addr, RemotingCommand.request(31337), 3000).get(5, TimeUnit.SECONDS);
            assertThat(unknown.getCode()).isEqualTo(RemotingResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        } finally {
            client.shutdown();
            server.shutdown();
        }
    }
}
