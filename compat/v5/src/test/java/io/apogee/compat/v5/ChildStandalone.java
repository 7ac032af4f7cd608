package io.apogee.compat.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.server.ApogeeMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code apogee standalone} in a child JVM, so a test can SIGKILL it. Its store is
 * {@code dir/store}, where {@code Standalone.forTests(dir)} finds it after the kill; the ports it
 * picked are read from the boot lines it prints.
 */
final class ChildStandalone implements AutoCloseable {
    private static final Pattern NAMESRV_BOOT = Pattern.compile("The Name Server boot success\\. listenPort=(\\d+)");
    private static final Pattern BROKER_BOOT = Pattern.compile("The broker\\[[^,]+, [^:]+:(\\d+)\\] boot success");

    private final Process process;
    private final AtomicInteger namesrvPort = new AtomicInteger();
    private final AtomicInteger brokerPort = new AtomicInteger();

    private ChildStandalone(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readPorts, "standalone-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildStandalone start(Path dir, String... extraSettings) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ApogeeMain.class.getName(), "standalone",
                "namesrvPort=0", "listenPort=0", "brokerIP1=127.0.0.1", "storePathRootDir=" + dir.resolve("store"),
                "mappedFileSizeCommitLog=" + (64 * 1024 * 1024)));
        command.addAll(List.of(extraSettings));
        return new ChildStandalone(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The name server's address once the broker has booted; fails if the child dies first. */
    String awaitNamesrvAddr(Duration wait) {
        await().atMost(wait).until(() -> brokerPort.get() > 0 || !process.isAlive());
        assertThat(process.isAlive()).as("standalone child is running").isTrue();
        return "127.0.0.1:" + namesrvPort.get();
    }

    /** SIGKILL: nothing is flushed or unregistered. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("killed child exits").isTrue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readPorts() {
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
            // the process ended; awaitNamesrvAddr notices through isAlive()
        }
    }
}
