package io.apogee.bench.remoting;

import io.apogee.remoting.netty.NamedThreadFactory;
import io.netty.channel.ChannelHandlerContext;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.netty.NettyRemotingServer;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/** Apache RocketMQ 5.2.0's own remoting server and client, default settings, the same echo work. */
public final class OfficialRoundTrips implements RoundTripTarget {
    private final NettyRemotingServer server;
    private final NettyRemotingClient client;
    private final ExecutorService processorExecutor;
    private final String addr;
    private final byte[] body;

    public OfficialRoundTrips(byte[] body, int processorThreads) {
        this.body = body;
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setBindAddress("127.0.0.1");
        serverConfig.setListenPort(0);
        server = new NettyRemotingServer(serverConfig);
        processorExecutor = Executors.newFixedThreadPool(processorThreads, new NamedThreadFactory("OfficialEchoProcessor"));
        server.registerProcessor(RemotingBenchSettings.ECHO_CODE, new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
                RemotingCommand response = RemotingCommand.createResponseCommand(0, null);
                response.setBody(request.getBody());
                return response;
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        }, processorExecutor);
        server.start();
        addr = "127.0.0.1:" + server.localListenPort();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @Override
    public String name() {
        return "official";
    }

    @Override
    public void roundTrip() throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(RemotingBenchSettings.ECHO_CODE, null);
        HashMap<String, String> ext = new HashMap<>();
        ext.put("topic", "BenchTopic");
        request.setExtFields(ext);
        request.setBody(body);
        RemotingCommand response = client.invokeSync(addr, request, 3000);
        if (response.getCode() != 0 || response.getBody() == null || response.getBody().length != body.length) {
            throw new IllegalStateException("bad echo response " + response);
        }
    }

    @Override
    public void close() {
        client.shutdown();
        server.shutdown();
        processorExecutor.shutdown();
    }
}
