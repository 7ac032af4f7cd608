package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * One {@code apogee} subcommand in a child JVM with this test's class path, so a test can stop it with
 * SIGTERM or SIGKILL. The ports it picked (listenPort 0) are read from the boot lines it prints,
 * RocketMQ's words. Shared with the compat modules through this module's test jar.
 */
public final class ApogeeProcess implements AutoCloseable {
    private static final Pattern NAMESRV_BOOT = Pattern.compile("The Name Server boot success\\. listenPort=(\\d+)");
    private static final Pattern BROKER_BOOT = Pattern.compile("The broker\\[[^,]+, [^:]+:(\\d+)\\] boot success");
    private static final Duration BOOT_WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final AtomicInteger namesrvPort = new AtomicInteger();
    private final AtomicInteger brokerPort = new AtomicInteger();

    private ApogeeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readPorts, "apogee-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ApogeeProcess start(String maxHeap, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), ApogeeMain.class.getName()));
        command.addAll(List.of(arguments));
        return new ApogeeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * {@code apogee standalone} on free ports with its store in {@code storeDir} (64 MiB commit-log
     * files), where {@code Standalone.forTests(dir)} finds it when {@code storeDir} is {@code dir/store}.
     */
    public static ApogeeProcess standalone(Path storeDir, String... extraSettings) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("standalone", "namesrvPort=0", "listenPort=0", "brokerIP1=127.0.0.1",
                "storePathRootDir=" + storeDir, "mappedFileSizeCommitLog=" + (64 * 1024 * 1024)));
        arguments.addAll(List.of(extraSettings));
        return start("256m", arguments.toArray(String[]::new));
    }

    /** The name server's address once the broker (the last to boot) is up; fails if the process dies first. */
    public String awaitNamesrvAddr() {
        awaitBrokerPort();
        return "127.0.0.1:" + awaitNamesrvPort();
    }

    /** The name server's port once its boot line is out; fails if the process dies first. */
    public int awaitNamesrvPort() {
        return awaitPort(namesrvPort);
    }

    /** The broker's port once its boot line is out; fails if the process dies first. */
    public int awaitBrokerPort() {
        return awaitPort(brokerPort);
    }

    private int awaitPort(AtomicInteger port) {
        await().atMost(BOOT_WAIT).until(() -> port.get() > 0 || !process.isAlive());
        assertThat(process.isAlive()).as("apogee child process is running").isTrue();
        return port.get();
    }

    /** SIGTERM, then waits for the exit: 0, or 143 when the JVM reports the signal. */
    public void stopGracefully() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        assertThat(process.exitValue()).isIn(0, 143);
    }

    /** SIGKILL, then waits for the exit: nothing is flushed or unregistered. */
    public void kill() throws InterruptedException {
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
            // the process ended; awaitPort notices through isAlive()
        }
    }
}
