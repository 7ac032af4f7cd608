package io.apogee.bench.remoting;

import io.apogee.remoting.netty.NamedThreadFactory;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Apogee's server and client on loopback, default settings, echo processor on its own executor. */
public final class ApogeeRoundTrips implements RoundTripTarget {
    private final NettyRemotingServer server;
    private final NettyRemotingClient client;
    private final ExecutorService processorExecutor;
    private final String addr;
    private final byte[] body;

    public ApogeeRoundTrips(byte[] body, int processorThreads) {
        this.body = body;
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setBindAddress("127.0.0.1");
        server = new NettyRemotingServer(serverConfig);
        processorExecutor = Executors.newFixedThreadPool(processorThreads, new NamedThreadFactory("ApogeeEchoProcessor"));
        server.registerProcessor(RemotingBenchSettings.ECHO_CODE, (channel, request) -> {
            RemotingCommand response = RemotingCommand.responseTo(request, 0, null);
            response.setBody(request.getBody());
            return CompletableFuture.completedFuture(response);
        }, processorExecutor);
        server.start();
        addr = "127.0.0.1:" + server.localPort();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @Override
    public String name() {
        return "apogee";
    }

    @Override
    public void roundTrip() throws Exception {
        RemotingCommand request = RemotingCommand.request(RemotingBenchSettings.ECHO_CODE).addExtField("topic", "BenchTopic");
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
