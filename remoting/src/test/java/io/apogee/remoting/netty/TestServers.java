package io.apogee.remoting.netty;

import io.apogee.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;

/** Small factories shared by the socket tests: servers on ephemeral ports, echo processors. */
final class TestServers {
    static final int ECHO = 1000;

    private TestServers() {
    }

    static NettyServerConfig serverConfig() {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        config.setServerSelectorThreads(1);
        config.setServerWorkerThreads(2);
        return config;
    }

    static NettyClientConfig clientConfig() {
        NettyClientConfig config = new NettyClientConfig();
        config.setClientCallbackExecutorThreads(2);
        config.setClientWorkerThreads(2);
        return config;
    }

    /** Starts a server answering ECHO with the request's body and remark. */
    static NettyRemotingServer echoServer(NettyServerConfig config) {
        NettyRemotingServer server = new NettyRemotingServer(config);
        server.registerProcessor(ECHO, (channel, request) -> {
            RemotingCommand response = RemotingCommand.responseTo(request, 0, request.getRemark());
            response.setBody(request.getBody());
            response.setExtFields(request.getExtFields());
            return CompletableFuture.completedFuture(response);
        }, null);
        server.start();
        return server;
    }

    static String addr(NettyRemotingServer server) {
        return "127.0.0.1:" + server.localPort();
    }
}
