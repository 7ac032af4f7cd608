package io.apogee.remoting.netty;

import io.apogee.remoting.ChannelEventListener;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.RpcHook;
import io.apogee.remoting.exception.RemotingConnectException;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls servers by "host:port" over one pooled connection per address, created on first use and
 * re-created when it has gone inactive. Servers may call back over the same connection; those
 * requests go to the processors registered here.
 */
public class NettyRemotingClient {
    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingClient.class);
    private final NettyClientConfig config;
    private final Transport transport;
    private final RemotingEndpoint endpoint;
    private final Map<String, ChannelFuture> channels = new ConcurrentHashMap<>();
    /** One lock per address: connecting to a slow host does not hold up calls to the others. */
    private final Map<String, Object> connectLocks = new ConcurrentHashMap<>();
    private EventLoopGroup group;
    private Bootstrap bootstrap;

    public NettyRemotingClient(NettyClientConfig config) {
        this.config = config;
        this.transport = new Transport(config.isUseEpollNativeSelector());
        this.endpoint = new RemotingEndpoint("NettyClient", RemotingEndpoint.HookScope.OUTGOING_REQUESTS, config.getClientWorkerThreads(), config.getClientCallbackExecutorThreads(),
                config.getClientAsyncSemaphoreValue(), "clientAsyncSemaphoreValue",
                config.getClientOnewaySemaphoreValue(), "clientOnewaySemaphoreValue",
                config.getClientChannelMaxIdleTimeSeconds());
    }

    /** Handles server-initiated requests with this code on {@code executor} (a shared one when null). */
    public void registerProcessor(int code, RequestProcessor processor, ExecutorService executor) {
        endpoint.registerProcessor(code, processor, executor);
    }

    public void setChannelEventListener(ChannelEventListener listener) {
        endpoint.setChannelEventListener(listener);
    }

    /** Runs before each request is sent (e.g. to sign it) and after each response arrives; not on server-initiated requests. */
    public void addRpcHook(RpcHook hook) {
        endpoint.addRpcHook(hook);
    }

    public void start() {
        endpoint.start();
        group = transport.newGroup(1, "NettyClientSelector");
        bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.getConnectTimeoutMillis())
                .option(ChannelOption.ALLOCATOR, config.isClientPooledByteBufAllocatorEnable()
                        ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        endpoint.initPipeline(ch.pipeline());
                    }
                });
        if (config.getClientSocketSndBufSize() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, config.getClientSocketSndBufSize());
        }
        if (config.getClientSocketRcvBufSize() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, config.getClientSocketRcvBufSize());
        }
        if (config.getWriteBufferHighWaterMark() > 0 && config.getWriteBufferLowWaterMark() > 0) {
            bootstrap.option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                    new WriteBufferWaterMark(config.getWriteBufferLowWaterMark(), config.getWriteBufferHighWaterMark()));
        }
    }

    /** Closes every connection, fails calls still waiting and stops all threads. */
    public void shutdown() {
        for (String addr : channels.keySet()) {
            closeChannel(addr);
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        endpoint.shutdown();
    }

    /**
     * Sends and waits for the response. The timeout covers connecting too. On a timeout the connection
     * is closed when clientCloseSocketIfTimeout is set; on a send failure it always is.
     */
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        long start = System.nanoTime();
        Channel channel = channelFor(addr);
        long remaining = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (remaining <= 0) {
            throw new RemotingTimeoutException("connecting to " + addr + " used up the " + timeoutMillis + " ms timeout");
        }
        try {
            return endpoint.invoker.invokeSync(channel, request, remaining);
        } catch (RemotingTimeoutException e) {
            if (config.isClientCloseSocketIfTimeout()) {
                closeChannel(addr, channel);
            }
            throw e;
        } catch (RemotingSendRequestException e) {
            closeChannel(addr, channel);
            throw e;
        }
    }

    /** Completes with the response, or exceptionally with a RemotingException (connect, send, timeout, too many calls). */
    public CompletableFuture<RemotingCommand> invokeAsync(String addr, RemotingCommand request, long timeoutMillis) {
        Channel channel;
        try {
            channel = channelFor(addr);
        } catch (RemotingException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new RemotingConnectException(addr, e));
        }
        return endpoint.invoker.invokeAsync(channel, request, timeoutMillis);
    }

    /** Sends with the ONEWAY flag; waits at most {@code timeoutMillis} for a clientOnewaySemaphoreValue permit. */
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        endpoint.invoker.invokeOneway(channelFor(addr), request, timeoutMillis);
    }

    /** Closes the pooled connection to {@code addr}, if any; the next call reconnects. */
    public void closeChannel(String addr) {
        ChannelFuture future = channels.remove(addr);
        if (future != null) {
            future.channel().close();
        }
    }

    private void closeChannel(String addr, Channel channel) {
        ChannelFuture future = channels.get(addr);
        if (future != null && future.channel() == channel) {
            channels.remove(addr, future);
        }
        channel.close();
    }

    private Channel channelFor(String addr) throws RemotingConnectException, InterruptedException {
        ChannelFuture existing = channels.get(addr);
        if (existing != null && existing.channel().isActive()) {
            return existing.channel();
        }
        synchronized (connectLocks.computeIfAbsent(addr, a -> new Object())) {
            existing = channels.get(addr);
            if (existing != null) {
                if (existing.channel().isActive()) {
                    return existing.channel();
                }
                channels.remove(addr, existing);
                existing.channel().close();
            }
            return connect(addr);
        }
    }

    private Channel connect(String addr) throws RemotingConnectException, InterruptedException {
        if (bootstrap == null || group.isShuttingDown()) {
            throw new RemotingConnectException(addr, new IllegalStateException("the client is not running (start() first, or already shut down)"));
        }
        InetSocketAddress target;
        try {
            target = RemotingAddress.parse(addr);
        } catch (IllegalArgumentException e) {
            throw new RemotingConnectException(addr, e);
        }
        ChannelFuture future = bootstrap.connect(target.getHostString(), target.getPort());
        if (!future.await(config.getConnectTimeoutMillis() + 100L)) {
            future.cancel(false);
            future.channel().close();
            throw new RemotingConnectException(addr, new java.net.ConnectException("connect timed out after "
                    + config.getConnectTimeoutMillis() + " ms"));
        }
        if (!future.isSuccess()) {
            throw new RemotingConnectException(addr, future.cause());
        }
        channels.put(addr, future);
        future.channel().closeFuture().addListener(f -> channels.remove(addr, future));
        LOG.info("connected to {}", addr);
        return future.channel();
    }
}
