package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apogee standalone} as a real child JVM: it prints both addresses, its broker registers with
 * its name server, and SIGTERM stops it cleanly with the consumer offsets written to disk.
 */
@Timeout(90)
class StandaloneProcessTest {
    private static final Pattern NAMESRV_BOOT = Pattern.compile("The Name Server boot success\\. listenPort=(\\d+)");
    private static final Pattern BROKER_BOOT = Pattern.compile("The broker\\[broker-a, 127\\.0\\.0\\.1:(\\d+)\\] boot success");

    @TempDir
    Path dir;

    @Test
    void startsRegistersAndStopsCleanlyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ApogeeMain.class.getName(), "standalone", "namesrvPort=0", "listenPort=0", "brokerIP1=127.0.0.1",
                "storePathRootDir=" + dir, "mappedFileSizeCommitLog=" + (16 * 1024 * 1024)))
                .redirectErrorStream(true)
                .start();
        AtomicInteger namesrvPort = new AtomicInteger();
        AtomicInteger brokerPort = new AtomicInteger();
        Thread reader = new Thread(() -> readPorts(process, namesrvPort, brokerPort), "standalone-output");
        reader.setDaemon(true);
        reader.start();
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> brokerPort.get() > 0 || !process.isAlive());
            assertThat(process.isAlive()).as("standalone is running").isTrue();
            client.start();

            RemotingCommand cluster = client.invokeSync("127.0.0.1:" + namesrvPort.get(),
                    RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO), 5_000);
            assertThat(Json.parse(cluster.getBody(), ClusterInfo.class).getBrokerAddrTable()).containsKey("broker-a");
            UpdateConsumerOffsetRequestHeader offset = new UpdateConsumerOffsetRequestHeader();
            offset.setConsumerGroup("G");
            offset.setTopic("T");
            offset.setQueueId(0);
            offset.setCommitOffset(7L);
            RemotingCommand committed = client.invokeSync("127.0.0.1:" + brokerPort.get(),
                    RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET, offset), 5_000);
            assertThat(committed.getCode()).isEqualTo(ResponseCode.SUCCESS);

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(process.exitValue()).isIn(0, 143);
            assertThat(Files.readString(dir.resolve("config").resolve("consumerOffset.json"))).contains("T@G");
        } finally {
            client.shutdown();
            process.destroyForcibly();
        }
    }

    private static void readPorts(Process process, AtomicInteger namesrvPort, AtomicInteger brokerPort) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher namesrv = NAMESRV_BOOT.matcher(line);
                if (namesrv.find()) {
                    namesrvPort.set(Integer.parseInt(namesrv.group(1)));
                }
                Matcher broker = BROKER_BOOT.matcher(line);
                if (broker.find()) {
                    brokerPort.set(Integer.parseInt(broker.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended; the test notices through isAlive()
        }
    }
}
