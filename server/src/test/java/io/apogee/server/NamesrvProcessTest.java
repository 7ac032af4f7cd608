package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

/** Starts {@code apogee namesrv} as a real child JVM, talks to it over TCP and stops it with SIGTERM. */
@Timeout(60)
class NamesrvProcessTest {
    private static final Pattern BOOT = Pattern.compile("The Name Server boot success\\. listenPort=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void startsAnswersAndStopsCleanlyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ApogeeMain.class.getName(), "namesrv", "listenPort=0", "bindAddress=127.0.0.1",
                "kvConfigPath=" + dir.resolve("kvConfig.json")))
                .redirectErrorStream(true)
                .start();
        AtomicInteger port = new AtomicInteger();
        Thread reader = new Thread(() -> readPort(process, port), "namesrv-output");
        reader.setDaemon(true);
        reader.start();
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> port.get() > 0 || !process.isAlive());
            assertThat(process.isAlive()).as("name server process is running").isTrue();

            client.start();
            RemotingCommand response = client.invokeSync("127.0.0.1:" + port.get(),
                    RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO), 5_000);
            assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(Json.parse(response.getBody(), ClusterInfo.class).getBrokerAddrTable()).isEmpty();

            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(process.exitValue()).isIn(0, 143);
        } finally {
            client.shutdown();
            process.destroyForcibly();
        }
    }

    private static void readPort(Process process, AtomicInteger port) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher boot = BOOT.matcher(line);
                if (boot.find()) {
                    port.set(Integer.parseInt(boot.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended; the test notices through isAlive()
        }
    }
}
