package io.apogee.compat.apache;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Java process started from the Apache RocketMQ jars; its output goes to a log file shown when it fails. */
final class ChildJvm implements AutoCloseable {
    /** What RocketMQ 5.2.0 needs opened on Java 17 (direct-buffer cleanup, reflection into NIO). */
    private static final List<String> OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(String name, Path home, String heap, String mainClass, String... args) throws IOException {
        String lib = System.getProperty("apache.rocketmq.lib", "target/apache-rocketmq-lib");
        if (!new File(lib).isDirectory()) {
            throw new IllegalStateException(lib + " is missing: run the build through Maven (generate-test-resources copies the jars)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.add("-XX:MaxDirectMemorySize=256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(OPENS);
        // RocketMQ writes its logs under ${user.home}/logs: keep them inside the temp dir.
        command.add("-Duser.home=" + home);
        command.add("-Drocketmq.home.dir=" + home);
        command.add("-cp");
        command.add(lib + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(args));
        Path log = home.resolve(name + ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("ROCKETMQ_HOME", home.toString());
        return new ChildJvm(name, pb.start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the process output, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return name + " output:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return name + " output unreadable: " + e;
        }
    }

    /** Kills at once: the tests only need the process gone, and a hard kill is what the failover tests simulate. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
