package io.apogee.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.apogee.remoting.ChannelEventListener;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.RpcHook;
import io.apogee.remoting.exception.RemotingConnectException;
import io.apogee.remoting.exception.RemotingSendRequestException;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.exception.RemotingTooMuchRequestException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.RemotingResponseCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientServerBehaviourTest {
    private static final int NEVER_ANSWERS = 2000;
    private static final int REMEMBER_CHANNEL = 2001;
    private static final int CALLBACK = 39;

    private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @AfterAll
    static void noBufferLeaked() {
        LeakCheck.assertNoLeaks();
    }

    private NettyRemotingServer server(NettyServerConfig config) {
        NettyRemotingServer server = TestServers.echoServer(config);
        server.registerProcessor(NEVER_ANSWERS, (channel, request) -> new CompletableFuture<>(), null);
        cleanup.add(server::shutdown);
        return server;
    }

    private NettyRemotingServer server() {
        return server(TestServers.serverConfig());
    }

    private NettyRemotingClient client(NettyClientConfig config) {
        NettyRemotingClient client = new NettyRemotingClient(config);
        client.start();
        cleanup.add(0, client::shutdown);
        return client;
    }

    private NettyRemotingClient client() {
        return client(TestServers.clientConfig());
    }

    @Test
    void onewayRequestIsProcessedAndItsResponseDropped() throws Exception {
        NettyRemotingServer server = server();
        CountDownLatch processed = new CountDownLatch(1);
        server.registerProcessor(3000, (channel, request) -> {
            processed.countDown();
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, "must not be sent"));
        }, null);
        try (RawConnection raw = new RawConnection(server.localPort())) {
            raw.send(RemotingCommand.request(3000).markOneway());
            assertThat(processed.await(5, TimeUnit.SECONDS)).isTrue();
            RemotingCommand echo = RemotingCommand.request(TestServers.ECHO);
            raw.send(echo);
            assertThat(raw.receive().getOpaque()).isEqualTo(echo.getOpaque());
        }
    }

    @Test
    void clientOnewayReachesServer() throws Exception {
        NettyRemotingServer server = server();
        CountDownLatch processed = new CountDownLatch(1);
        server.registerProcessor(3001, (channel, request) -> {
            assertThat(request.isOneway()).isTrue();
            processed.countDown();
            return CompletableFuture.completedFuture(null);
        }, null);
        client().invokeOneway(TestServers.addr(server), RemotingCommand.request(3001), 3000);
        assertThat(processed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void syncTimeoutThrowsAndClosesTheConnection() throws Exception {
        NettyRemotingServer server = server();
        CountDownLatch closed = new CountDownLatch(1);
        server.setChannelEventListener(new ChannelEventListener() {
            @Override
            public void onChannelClose(String remoteAddr, Channel channel) {
                closed.countDown();
            }
        });
        NettyRemotingClient client = client();
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.invokeSync(TestServers.addr(server), RemotingCommand.request(NEVER_ANSWERS), 300))
                .isInstanceOf(RemotingTimeoutException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 3000L);
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000).getCode()).isZero();
    }

    @Test
    void asyncCallIsFailedByTheExpiryScan() {
        NettyRemotingServer server = server();
        CompletableFuture<RemotingCommand> future = client().invokeAsync(TestServers.addr(server), RemotingCommand.request(NEVER_ANSWERS), 200);
        await().atMost(Duration.ofSeconds(5)).until(future::isDone);
        assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RemotingTimeoutException.class);
    }

    @Test
    void asyncSemaphoreBoundsCallsInFlightAndPermitsComeBack() throws Exception {
        NettyRemotingServer server = server();
        NettyClientConfig config = TestServers.clientConfig();
        config.setClientAsyncSemaphoreValue(2);
        NettyRemotingClient client = client(config);
        String addr = TestServers.addr(server);
        CompletableFuture<RemotingCommand> first = client.invokeAsync(addr, RemotingCommand.request(NEVER_ANSWERS), 1000);
        CompletableFuture<RemotingCommand> second = client.invokeAsync(addr, RemotingCommand.request(NEVER_ANSWERS), 1000);
        CompletableFuture<RemotingCommand> third = client.invokeAsync(addr, RemotingCommand.request(TestServers.ECHO), 100);
        assertThatThrownBy(third::get).hasCauseInstanceOf(RemotingTooMuchRequestException.class)
                .hasMessageContaining("clientAsyncSemaphoreValue");
        await().atMost(Duration.ofSeconds(5)).until(() -> first.isDone() && second.isDone());
        assertThat(client.invokeAsync(addr, RemotingCommand.request(TestServers.ECHO), 3000).get(5, TimeUnit.SECONDS).getCode()).isZero();
    }

    @Test
    void onewaySemaphoreBoundsWritesStuckOnASlowPeer() throws Exception {
        try (ServerSocket neverReads = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            NettyClientConfig config = TestServers.clientConfig();
            config.setClientOnewaySemaphoreValue(2);
            NettyRemotingClient client = client(config);
            String addr = "127.0.0.1:" + neverReads.getLocalPort();
            byte[] body = new byte[4 * 1024 * 1024];
            Throwable failure = null;
            for (int i = 0; i < 20 && failure == null; i++) {
                try {
                    client.invokeOneway(addr, RemotingCommand.request(1).setBody(body), 200);
                } catch (RemotingTooMuchRequestException e) {
                    failure = e;
                }
            }
            assertThat(failure).isNotNull().hasMessageContaining("clientOnewaySemaphoreValue");
        }
    }

    @Test
    void timeoutKeepsTheConnectionWhenConfiguredSo() throws Exception {
        NettyRemotingServer server = server();
        List<String> closes = new CopyOnWriteArrayList<>();
        server.setChannelEventListener(new ChannelEventListener() {
            @Override
            public void onChannelClose(String remoteAddr, Channel channel) {
                closes.add(remoteAddr);
            }
        });
        NettyClientConfig config = TestServers.clientConfig();
        config.setClientCloseSocketIfTimeout(false);
        NettyRemotingClient client = client(config);
        assertThatThrownBy(() -> client.invokeSync(TestServers.addr(server), RemotingCommand.request(NEVER_ANSWERS), 200))
                .isInstanceOf(RemotingTimeoutException.class);
        assertThat(client.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000).getCode()).isZero();
        assertThat(closes).isEmpty();
    }

    @Test
    void serverCallsClientBackOverItsConnection() throws Exception {
        NettyRemotingServer server = server();
        AtomicReference<Channel> clientChannel = new AtomicReference<>();
        server.registerProcessor(REMEMBER_CHANNEL, (channel, request) -> {
            clientChannel.set(channel);
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, null));
        }, null);
        NettyRemotingClient client = client();
        CountDownLatch onewayArrived = new CountDownLatch(1);
        client.registerProcessor(CALLBACK, (channel, request) -> {
            if (request.isOneway()) {
                onewayArrived.countDown();
            }
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, "checked " + request.extField("id")));
        }, null);
        client.invokeSync(TestServers.addr(server), RemotingCommand.request(REMEMBER_CHANNEL), 3000);

        RemotingCommand sync = server.invokeSync(clientChannel.get(), RemotingCommand.request(CALLBACK).addExtField("id", "1"), 3000);
        assertThat(sync.getRemark()).isEqualTo("checked 1");
        RemotingCommand async = server.invokeAsync(clientChannel.get(), RemotingCommand.request(CALLBACK).addExtField("id", "2"), 3000)
                .get(5, TimeUnit.SECONDS);
        assertThat(async.getRemark()).isEqualTo("checked 2");
        RemotingCommand unknown = server.invokeSync(clientChannel.get(), RemotingCommand.request(4444), 3000);
        assertThat(unknown.getCode()).isEqualTo(RemotingResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        server.invokeOneway(clientChannel.get(), RemotingCommand.request(CALLBACK));
        assertThat(onewayArrived.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void idleConnectionIsClosedByTheServer() throws Exception {
        NettyServerConfig config = TestServers.serverConfig();
        config.setServerChannelMaxIdleTimeSeconds(1);
        NettyRemotingServer server = server(config);
        CountDownLatch idle = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        server.setChannelEventListener(new ChannelEventListener() {
            @Override
            public void onChannelIdle(String remoteAddr, Channel channel) {
                idle.countDown();
            }

            @Override
            public void onChannelClose(String remoteAddr, Channel channel) {
                closed.countDown();
            }
        });
        client().invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000);
        assertThat(idle.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void connectAndCloseEventsReachTheListener() throws Exception {
        NettyRemotingServer server = server();
        List<String> events = new CopyOnWriteArrayList<>();
        server.setChannelEventListener(new ChannelEventListener() {
            @Override
            public void onChannelConnect(String remoteAddr, Channel channel) {
                events.add("connect " + remoteAddr);
            }

            @Override
            public void onChannelClose(String remoteAddr, Channel channel) {
                events.add("close " + remoteAddr);
            }
        });
        NettyRemotingClient client = client();
        client.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000);
        client.closeChannel(TestServers.addr(server));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertThat(events.get(0)).startsWith("connect 127.0.0.1:");
        assertThat(events.get(1)).isEqualTo(events.get(0).replace("connect", "close"));
    }

    @Test
    void rpcHooksSignAndCheck() throws Exception {
        NettyRemotingServer server = server();
        server.addRpcHook(new RpcHook() {
            @Override
            public void beforeRequest(String remoteAddr, RemotingCommand request) {
                String expected = Integer.toHexString(("secret" + request.getCode()).hashCode());
                if (!expected.equals(request.extField("Signature"))) {
                    throw new IllegalStateException("signature of AccessKey " + request.extField("AccessKey") + " does not match");
                }
            }
        });
        NettyRemotingClient unsigned = client();
        RemotingCommand rejected = unsigned.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000);
        assertThat(rejected.getCode()).isEqualTo(RemotingResponseCode.SYSTEM_ERROR);
        assertThat(rejected.getRemark()).isEqualTo("signature of AccessKey null does not match");

        NettyRemotingClient signed = client();
        List<Integer> seenResponses = new CopyOnWriteArrayList<>();
        signed.addRpcHook(new RpcHook() {
            @Override
            public void beforeRequest(String remoteAddr, RemotingCommand request) {
                request.addExtField("AccessKey", "ak").addExtField("Signature", Integer.toHexString(("secret" + request.getCode()).hashCode()));
            }

            @Override
            public void afterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                seenResponses.add(response.getCode());
            }
        });
        assertThat(signed.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000).getCode()).isZero();
        assertThat(seenResponses).containsExactly(0);
    }

    @Test
    void serverHooksCheckIncomingRequestsOnlyNotTheServersOwnCallbacks() throws Exception {
        NettyRemotingServer server = server();
        AtomicReference<Channel> clientChannel = new AtomicReference<>();
        server.registerProcessor(REMEMBER_CHANNEL, (channel, request) -> {
            clientChannel.set(channel);
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, null));
        }, null);
        server.addRpcHook((addr, request) -> {
            if (request.extField("Signature") == null) {
                throw new IllegalStateException("unsigned");
            }
        });
        NettyRemotingClient client = client();
        List<Integer> signedCodes = new CopyOnWriteArrayList<>();
        client.addRpcHook((addr, request) -> {
            signedCodes.add(request.getCode());
            request.addExtField("Signature", "s");
        });
        client.registerProcessor(CALLBACK, (channel, request) ->
                CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, "unsigned callback ok")), null);
        client.invokeSync(TestServers.addr(server), RemotingCommand.request(REMEMBER_CHANNEL), 3000);

        RemotingCommand callback = server.invokeSync(clientChannel.get(), RemotingCommand.request(CALLBACK), 3000);

        assertThat(callback.getRemark()).isEqualTo("unsigned callback ok");
        assertThat(signedCodes).containsExactly(REMEMBER_CHANNEL);
    }

    @Test
    void clientHookVetoFailsTheCallLocally() {
        NettyRemotingServer server = server();
        NettyRemotingClient client = client();
        client.addRpcHook((addr, request) -> {
            throw new IllegalStateException("no credentials");
        });
        assertThatThrownBy(() -> client.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000))
                .hasMessageContaining("no credentials");
    }

    @Test
    void busyProcessorsAnswerSystemBusy() throws Exception {
        NettyRemotingServer server = server();
        server.registerProcessor(3002, new RequestProcessor() {
            @Override
            public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
                return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, null));
            }

            @Override
            public boolean rejectRequest() {
                return true;
            }
        }, null);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService single = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(), new NamedThreadFactory("TestBusy"));
        cleanup.add(single::shutdownNow);
        server.registerProcessor(3003, (channel, request) -> {
            release.await();
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, null));
        }, single);
        NettyRemotingClient client = client();
        String addr = TestServers.addr(server);

        RemotingCommand rejected = client.invokeSync(addr, RemotingCommand.request(3002), 3000);
        assertThat(rejected.getCode()).isEqualTo(RemotingResponseCode.SYSTEM_BUSY);
        assertThat(rejected.getRemark()).startsWith("[REJECTREQUEST]").contains("3002");

        CompletableFuture<RemotingCommand> occupying = client.invokeAsync(addr, RemotingCommand.request(3003), 5000);
        await().atMost(Duration.ofSeconds(5)).until(() -> ((ThreadPoolExecutor) single).getActiveCount() == 1);
        RemotingCommand overloaded = client.invokeSync(addr, RemotingCommand.request(3003), 3000);
        assertThat(overloaded.getCode()).isEqualTo(RemotingResponseCode.SYSTEM_BUSY);
        assertThat(overloaded.getRemark()).startsWith("[OVERLOAD]").contains("executor of request code 3003 is full");
        release.countDown();
        assertThat(occupying.get(5, TimeUnit.SECONDS).getCode()).isZero();
    }

    @Test
    void processorFailuresAnswerSystemError() throws Exception {
        NettyRemotingServer server = server();
        server.registerProcessor(3004, (channel, request) -> {
            throw new IllegalArgumentException("topic name too long");
        }, null);
        server.registerProcessor(3005, (channel, request) -> CompletableFuture.failedFuture(new IllegalStateException("disk full")), null);
        NettyRemotingClient client = client();
        RemotingCommand thrown = client.invokeSync(TestServers.addr(server), RemotingCommand.request(3004), 3000);
        assertThat(thrown.getCode()).isEqualTo(RemotingResponseCode.SYSTEM_ERROR);
        assertThat(thrown.getRemark()).isEqualTo("topic name too long");
        RemotingCommand failed = client.invokeSync(TestServers.addr(server), RemotingCommand.request(3005), 3000);
        assertThat(failed.getRemark()).isEqualTo("disk full");
    }

    @Test
    void defaultProcessorTakesUnregisteredCodes() throws Exception {
        NettyRemotingServer server = server();
        server.registerDefaultProcessor((channel, request) ->
                CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, "default " + request.getCode())), null);
        assertThat(client().invokeSync(TestServers.addr(server), RemotingCommand.request(777), 3000).getRemark()).isEqualTo("default 777");
    }

    @Test
    void connectFailureIsReported() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        NettyRemotingClient client = client();
        assertThatThrownBy(() -> client.invokeSync("127.0.0.1:" + freePort, RemotingCommand.request(1), 3000))
                .isInstanceOf(RemotingConnectException.class);
        assertThatThrownBy(() -> client.invokeAsync("not-an-address", RemotingCommand.request(1), 3000).get())
                .hasCauseInstanceOf(RemotingConnectException.class);
    }

    @Test
    void closedConnectionFailsWaitingCallsAtOnceAndClientReconnects() throws Exception {
        NettyRemotingServer server = server();
        server.registerProcessor(3006, (channel, request) -> {
            channel.close();
            return new CompletableFuture<>();
        }, null);
        NettyRemotingClient client = client();
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.invokeSync(TestServers.addr(server), RemotingCommand.request(3006), 20_000))
                .isInstanceOf(RemotingSendRequestException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        assertThat(client.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000).getCode()).isZero();
    }

    @Test
    void bodyBufferIsSentWithoutCopyAndReleased() throws Exception {
        NettyRemotingServer server = server();
        List<ByteBuf> bodies = new CopyOnWriteArrayList<>();
        server.registerProcessor(3007, (channel, request) -> {
            ByteBuf body = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes("zero copy".getBytes(StandardCharsets.UTF_8));
            bodies.add(body);
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, null).setBodyBuffer(body));
        }, null);
        NettyRemotingClient client = client();
        RemotingCommand response = client.invokeSync(TestServers.addr(server), RemotingCommand.request(3007), 3000);
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("zero copy");

        client.invokeOneway(TestServers.addr(server), RemotingCommand.request(3007), 3000);
        await().atMost(Duration.ofSeconds(5)).until(() -> bodies.size() == 2 && bodies.stream().allMatch(b -> b.refCnt() == 0));
    }

    @Test
    void bodyBufferIsReleasedWhenTheWriteFails() throws Exception {
        NettyRemotingServer server = server();
        AtomicReference<ByteBuf> body = new AtomicReference<>();
        server.registerProcessor(3008, (channel, request) -> {
            channel.close().syncUninterruptibly();
            body.set(PooledByteBufAllocator.DEFAULT.directBuffer().writeLong(1));
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, null).setBodyBuffer(body.get()));
        }, null);
        assertThatThrownBy(() -> client().invokeSync(TestServers.addr(server), RemotingCommand.request(3008), 3000))
                .isInstanceOf(RemotingSendRequestException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> body.get() != null && body.get().refCnt() == 0);
    }

    @Test
    void callsBeforeStartOrAfterShutdownFailCleanly() throws Exception {
        NettyRemotingServer server = server();
        NettyRemotingClient notStarted = new NettyRemotingClient(TestServers.clientConfig());
        assertThatThrownBy(() -> notStarted.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 1000))
                .isInstanceOf(RemotingConnectException.class).hasStackTraceContaining("not running");
        NettyRemotingClient client = new NettyRemotingClient(TestServers.clientConfig());
        client.start();
        client.shutdown();
        assertThatThrownBy(() -> client.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 1000))
                .isInstanceOf(RemotingConnectException.class);
    }

    @Test
    void shutdownStopsEveryThread() throws Exception {
        NettyRemotingServer server = TestServers.echoServer(TestServers.serverConfig());
        NettyRemotingClient client = new NettyRemotingClient(TestServers.clientConfig());
        client.start();
        client.invokeSync(TestServers.addr(server), RemotingCommand.request(TestServers.ECHO), 3000);
        client.shutdown();
        server.shutdown();
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && (t.getName().startsWith("NettyServer") || t.getName().startsWith("NettyClient"))));
    }
}
