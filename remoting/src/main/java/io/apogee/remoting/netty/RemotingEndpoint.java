package io.apogee.remoting.netty;

import io.apogee.remoting.ChannelEventListener;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.RpcHook;
import io.apogee.remoting.codec.FrameDecoder;
import io.apogee.remoting.codec.FrameEncoder;
import io.apogee.remoting.exception.RemotingException;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a server and a client have in common, since both ends of a connection can send requests:
 * the pending-call table and its expiry scan, the processors, the hooks, the event listener and the
 * pipeline layout. Owned by one NettyRemotingServer or NettyRemotingClient.
 */
final class RemotingEndpoint {
    private final String name;
    private final int maxIdleSeconds;
    /**
     * Which requests the owner's RpcHooks see. A server's hooks check the requests it receives (an
     * ACL check must not veto the server's own callbacks); a client's hooks sign the requests it sends.
     */
    enum HookScope { INCOMING_REQUESTS, OUTGOING_REQUESTS }

    private final RpcHooks hooks = new RpcHooks();
    final ResponseTable responses = new ResponseTable();
    final ChannelEvents events;
    final RequestDispatcher dispatcher;
    final RemotingInvoker invoker;
    private final ExecutorService publicExecutor;
    private final ExecutorService callbackExecutor;
    private final InboundCommandHandler inboundHandler;
    private final ConnectionHandler connectionHandler;
    private ScheduledExecutorService expiryScanner;

    RemotingEndpoint(String name, HookScope hookScope, int publicThreads, int callbackThreads, int asyncPermits, String asyncProperty,
                     int onewayPermits, String onewayProperty, int maxIdleSeconds) {
        this.name = name;
        this.maxIdleSeconds = maxIdleSeconds;
        this.publicExecutor = Executors.newFixedThreadPool(Math.max(1, publicThreads), new NamedThreadFactory(name + "PublicExecutor"));
        this.callbackExecutor = callbackThreads > 0
                ? Executors.newFixedThreadPool(callbackThreads, new NamedThreadFactory(name + "CallbackExecutor"))
                : publicExecutor;
        this.events = new ChannelEvents(name + "EventExecutor");
        RpcHooks none = new RpcHooks();
        this.dispatcher = new RequestDispatcher(hookScope == HookScope.INCOMING_REQUESTS ? hooks : none, publicExecutor);
        this.invoker = new RemotingInvoker(responses, hookScope == HookScope.OUTGOING_REQUESTS ? hooks : none,
                new RemotingInvoker.BoundedPermits(asyncPermits, asyncProperty),
                new RemotingInvoker.BoundedPermits(onewayPermits, onewayProperty), callbackExecutor);
        this.inboundHandler = new InboundCommandHandler(responses, dispatcher);
        this.connectionHandler = new ConnectionHandler(name, events, responses);
    }

    void registerProcessor(int code, RequestProcessor processor, ExecutorService executor) {
        dispatcher.register(code, processor, executor);
    }

    void registerDefaultProcessor(RequestProcessor processor, ExecutorService executor) {
        dispatcher.registerDefault(processor, executor);
    }

    void setChannelEventListener(ChannelEventListener listener) {
        events.setListener(listener);
    }

    void addRpcHook(RpcHook hook) {
        hooks.add(hook);
    }

    void initPipeline(ChannelPipeline pipeline) {
        pipeline.addLast("decoder", new FrameDecoder());
        pipeline.addLast("encoder", FrameEncoder.INSTANCE);
        pipeline.addLast("idle", new IdleStateHandler(0, 0, maxIdleSeconds));
        pipeline.addLast("commands", inboundHandler);
        pipeline.addLast("connection", connectionHandler);
    }

    void start() {
        events.start();
        expiryScanner = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory(name + "ResponseExpiry"));
        expiryScanner.scheduleAtFixedRate(() -> responses.expire(System.nanoTime()), 1, 1, TimeUnit.SECONDS);
    }

    void shutdown() {
        if (expiryScanner != null) {
            expiryScanner.shutdownNow();
        }
        responses.failAll(new RemotingException(name + " is shutting down"));
        events.shutdown();
        publicExecutor.shutdown();
        if (callbackExecutor != publicExecutor) {
            callbackExecutor.shutdown();
        }
    }
}
