package io.apogee.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.Required;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.remoting.protocol.RemotingResponseCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad bytes on real sockets: each costs only its own connection, and the server keeps serving. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MalformedInputTest {
    private static final int NEEDS_TOPIC = 1001;

    public static class TopicHeader implements CommandCustomHeader {
        @Required
        String topic;
        Integer queueId;
    }

    private NettyRemotingServer server;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        server = TestServers.echoServer(TestServers.serverConfig());
        server.registerProcessor(NEEDS_TOPIC, (channel, request) -> {
            TopicHeader header = request.readCustomHeader(TopicHeader.class);
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, header.topic));
        }, null);
        client = new NettyRemotingClient(TestServers.clientConfig());
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        assertServerStillServes();
        client.shutdown();
        server.shutdown();
    }

    @AfterAll
    static void noBufferLeaked() {
        LeakCheck.assertNoLeaks();
    }

    @Test
    void negativeLengthClosesConnection() throws Exception {
        assertClosedAfter(ints(-1, 0));
    }

    @Test
    void oversizedLengthClosesConnection() throws Exception {
        assertClosedAfter(ints(16 * 1024 * 1024 + 1, 0));
    }

    @Test
    void frameTooShortForHeaderWordClosesConnection() throws Exception {
        assertClosedAfter(new byte[] {0, 0, 0, 2, 0, 0});
    }

    @Test
    void headerLengthPastFrameEndClosesConnection() throws Exception {
        assertClosedAfter(ints(8, 100, 0));
    }

    @Test
    void unknownSerializeTypeClosesConnection() throws Exception {
        assertClosedAfter(ints(4, 0x05000000));
    }

    @Test
    void invalidJsonClosesConnection() throws Exception {
        assertClosedAfter(frame(0, "{\"code\":12,".getBytes(StandardCharsets.UTF_8)));
        assertClosedAfter(frame(0, "[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertClosedAfter(frame(0, "{\"code\":\"abc\"}".getBytes(StandardCharsets.UTF_8)));
        assertClosedAfter(frame(0, "{\"extFields\":{\"a\":[1]}}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void binaryHeaderWithBadLengthsClosesConnection() throws Exception {
        ByteBuffer header = ByteBuffer.allocate(21);
        header.putShort((short) 10).put((byte) 0).putShort((short) 453).putInt(1).putInt(0).putInt(1000).putInt(0);
        assertClosedAfter(frame(1, header.array()));
    }

    @Test
    void truncatedFrameIsDroppedWithTheConnection() throws Exception {
        whileAGoodConnectionStaysOpen(() -> {
            try (RawConnection raw = new RawConnection(server.localPort())) {
                byte[] whole = frame(0, "{\"code\":1000,\"opaque\":7}".getBytes(StandardCharsets.UTF_8));
                raw.send(java.util.Arrays.copyOf(whole, whole.length / 2));
                raw.endOutput();
                assertThat(raw.closedByPeer()).isTrue();
            }
        });
    }

    @Test
    void randomBytesNeverHurtTheServer() throws Exception {
        Random random = new Random(42);
        whileAGoodConnectionStaysOpen(() -> {
            for (int i = 0; i < 40; i++) {
                byte[] garbage = new byte[1 + random.nextInt(300)];
                random.nextBytes(garbage);
                try (RawConnection raw = new RawConnection(server.localPort())) {
                    raw.send(garbage);
                    raw.endOutput();
                    assertThat(raw.closedByPeer()).as("garbage %d closed its connection", i).isTrue();
                }
            }
        });
    }

    @Test
    void manyBadConnectionsThenAGoodCall() throws Exception {
        whileAGoodConnectionStaysOpen(() -> {
            for (int i = 0; i < 200; i++) {
                try (RawConnection raw = new RawConnection(server.localPort())) {
                    raw.send(ints(8, 0x00000010, 0));
                    assertThat(raw.closedByPeer()).as("bad connection %d closed", i).isTrue();
                }
            }
        });
    }

    /**
     * A peer that sends requests but never reads the answers: the server stops reading it once its
     * responses back up, so the number of requests it takes on stays bounded.
     */
    @Test
    void peerThatNeverReadsCannotMakeTheServerQueueWithoutBound() throws Exception {
        java.util.concurrent.atomic.AtomicInteger processed = new java.util.concurrent.atomic.AtomicInteger();
        byte[] answer = new byte[16 * 1024];
        server.registerProcessor(1002, (channel, request) -> {
            processed.incrementAndGet();
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, 0, null).setBody(answer));
        }, null);
        int requests = 200_000;
        try (RawConnection raw = new RawConnection(server.localPort())) {
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < requests; i++) {
                        raw.send(RemotingCommand.request(1002));
                    }
                } catch (Exception e) {
                    // the socket is closed at the end of the test while this thread is blocked writing
                }
            }, "never-reading-peer");
            writer.setDaemon(true);
            writer.start();
            java.util.concurrent.atomic.AtomicInteger last = new java.util.concurrent.atomic.AtomicInteger(-1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofSeconds(1))
                    .until(() -> processed.get() > 0 && processed.get() == last.getAndSet(processed.get()));
            assertThat(writer.isAlive()).as("the peer's writes are blocked by the server no longer reading").isTrue();
            assertThat(processed.get()).isLessThan(requests / 4);
        }
    }

    @Test
    void unknownCodeIsAnsweredNotSupported() throws Exception {
        try (RawConnection raw = new RawConnection(server.localPort())) {
            RemotingCommand request = RemotingCommand.request(4242);
            raw.send(request);
            RemotingCommand response = raw.receive();
            assertThat(response.getCode()).isEqualTo(RemotingResponseCode.REQUEST_CODE_NOT_SUPPORTED);
            assertThat(response.getRemark()).isEqualTo(" request type 4242 not supported");
            assertThat(response.getOpaque()).isEqualTo(request.getOpaque());
            assertThat(response.isResponse()).isTrue();
        }
    }

    @Test
    void missingRequiredFieldIsAnsweredSystemError() throws Exception {
        RemotingCommand response = client.invokeSync(TestServers.addr(server), RemotingCommand.request(NEEDS_TOPIC), 3000);
        assertThat(response.getCode()).isEqualTo(RemotingResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).isEqualTo("the custom field <topic> is null");

        RemotingCommand bad = RemotingCommand.request(NEEDS_TOPIC).addExtField("topic", "t").addExtField("queueId", "x1");
        response = client.invokeSync(TestServers.addr(server), bad, 3000);
        assertThat(response.getCode()).isEqualTo(RemotingResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).contains("queueId");
    }

    @Test
    void lenientJsonIsAccepted() throws Exception {
        try (RawConnection raw = new RawConnection(server.localPort())) {
            String json = "{\"code\":\"1000\",\"language\":9,\"opaque\":77,\"unknown\":{\"x\":[1,2]},"
                    + "\"extFields\":{\"n\":12,\"b\":true,\"s\":\"v\",\"z\":null}}";
            raw.send(frame(0, json.getBytes(StandardCharsets.UTF_8)));
            RemotingCommand response = raw.receive();
            assertThat(response.getOpaque()).isEqualTo(77);
            assertThat(response.getExtFields()).containsEntry("n", "12").containsEntry("b", "true").containsEntry("s", "v")
                    .doesNotContainKey("z");
        }
    }

    private void assertClosedAfter(byte[] bytes) throws Exception {
        whileAGoodConnectionStaysOpen(() -> {
            try (RawConnection raw = new RawConnection(server.localPort())) {
                raw.send(bytes);
                assertThat(raw.closedByPeer()).as("server closed the connection").isTrue();
            }
        });
    }

    /** What a misbehaving peer does. */
    private interface BadPeer {
        void run() throws Exception;
    }

    /**
     * Runs {@code bad} while another connection, opened and answered before, stays open; that one
     * must still be answered afterwards: only the offending connections were closed.
     */
    private void whileAGoodConnectionStaysOpen(BadPeer bad) throws Exception {
        try (RawConnection good = new RawConnection(server.localPort())) {
            assertEchoed(good, "before");
            bad.run();
            assertEchoed(good, "after");
        }
    }

    private static void assertEchoed(RawConnection connection, String remark) throws Exception {
        RemotingCommand request = RemotingCommand.request(TestServers.ECHO);
        request.setRemark(remark);
        connection.send(request);
        RemotingCommand response = connection.receive();
        assertThat(response.getOpaque()).isEqualTo(request.getOpaque());
        assertThat(response.getRemark()).isEqualTo(remark);
    }

    private void assertServerStillServes() throws Exception {
        RemotingCommand request = RemotingCommand.request(TestServers.ECHO);
        request.setRemark("still here");
        assertThat(client.invokeSync(TestServers.addr(server), request, 3000).getRemark()).isEqualTo("still here");
    }

    private static byte[] frame(int type, byte[] header) {
        ByteBuffer frame = ByteBuffer.allocate(8 + header.length);
        frame.putInt(4 + header.length).putInt((type << 24) | header.length).put(header);
        return frame.array();
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            buffer.putInt(v);
        }
        return buffer.array();
    }
}
