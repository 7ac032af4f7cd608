package io.apogee.remoting.netty;

import io.apogee.remoting.ChannelEventListener;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.RpcHook;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections and answers requests by code with the registered processors; can also call
 * its clients back over their own connections (e.g. the broker's CHECK_TRANSACTION_STATE).
 * Frames are decoded on the IO threads; every processor runs on its own executor.
 */
public class NettyRemotingServer {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingServer.class);
    private final NettyServerConfig config;
    private final Transport transport;
    private final RemotingEndpoint endpoint;
    private EventLoopGroup bossGroup;
    private EventLoopGroup selectorGroup;
    private Channel serverChannel;
    private volatile int localPort = -1;

    public NettyRemotingServer(NettyServerConfig config) {
        this.config = config;
        this.transport = new Transport(config.isUseEpollNativeSelector());
        this.endpoint = new RemotingEndpoint("NettyServer", RemotingEndpoint.HookScope.INCOMING_REQUESTS, config.getServerWorkerThreads(), config.getServerCallbackExecutorThreads(),
                config.getServerAsyncSemaphoreValue(), "serverAsyncSemaphoreValue",
                config.getServerOnewaySemaphoreValue(), "serverOnewaySemaphoreValue",
                config.getServerChannelMaxIdleTimeSeconds());
    }

    /** Processes requests with this code on {@code executor} (the shared worker executor when null). */
    public void registerProcessor(int code, RequestProcessor processor, ExecutorService executor) {
        endpoint.registerProcessor(code, processor, executor);
    }

    /** Processes every code that has no processor of its own. */
    public void registerDefaultProcessor(RequestProcessor processor, ExecutorService executor) {
        endpoint.registerDefaultProcessor(processor, executor);
    }

    public void setChannelEventListener(ChannelEventListener listener) {
        endpoint.setChannelEventListener(listener);
    }

    /**
     * Runs before each received request is processed (throw to reject it: SYSTEM_ERROR with the
     * message) and before its response is written. Not applied to the server's own callbacks.
     */
    public void addRpcHook(RpcHook hook) {
        endpoint.addRpcHook(hook);
    }

    /** Binds and starts serving; throws if the port cannot be bound. */
    public void start() {
        endpoint.start();
        bossGroup = transport.newGroup(1, "NettyServerBoss");
        selectorGroup = transport.newGroup(config.getServerSelectorThreads(), "NettyServerSelector");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, selectorGroup)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, config.getServerSocketBacklog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, false)
                .childOption(ChannelOption.ALLOCATOR, config.isServerPooledByteBufAllocatorEnable()
                        ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("backpressure", ReadBackpressureHandler.INSTANCE);
                        endpoint.initPipeline(ch.pipeline());
                    }
                });
        if (config.getServerSocketSndBufSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, config.getServerSocketSndBufSize());
        }
        if (config.getServerSocketRcvBufSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_RCVBUF, config.getServerSocketRcvBufSize());
        }
        if (config.getWriteBufferHighWaterMark() > 0 && config.getWriteBufferLowWaterMark() > 0) {
            bootstrap.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                    new WriteBufferWaterMark(config.getWriteBufferLowWaterMark(), config.getWriteBufferHighWaterMark()));
        }
        try {
            serverChannel = bootstrap.bind(config.getBindAddress(), config.getListenPort()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdown();
            throw new IllegalStateException("cannot bind " + config.getBindAddress() + ":" + config.getListenPort(), e);
        }
        localPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.info("remoting server listening on {}:{} ({})", config.getBindAddress(), localPort, transport.isEpoll() ? "epoll" : "nio");
    }

    /** Stops accepting, closes every connection, fails calls still waiting and stops all threads. */
    public void shutdown() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (selectorGroup != null) {
            selectorGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        endpoint.shutdown();
    }

    /** The bound port, useful with listenPort 0; -1 before start. */
    public int localPort() {
        return localPort;
    }

    /** Calls a client back; completes with the response or a RemotingException. */
    public CompletableFuture<RemotingCommand> invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis) {
        return endpoint.invoker.invokeAsync(channel, request, timeoutMillis);
    }

    public RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        return endpoint.invoker.invokeSync(channel, request, timeoutMillis);
    }

    /** Sends without expecting an answer; fails at once when serverOnewaySemaphoreValue calls are still being written. */
    public void invokeOneway(Channel channel, RemotingCommand request) throws RemotingException {
        try {
            endpoint.invoker.invokeOneway(channel, request, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemotingException("interrupted while sending a oneway request", e);
        }
    }

    public void invokeOneway(Channel channel, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        endpoint.invoker.invokeOneway(channel, request, timeoutMillis);
    }
}
