package io.apogee.bench.cli.compare;

import java.util.ArrayList;
import java.util.List;

/** The JVM options both systems' server processes get, so that neither has a better-tuned JVM. */
final class JvmOptions {
    /** Apache RocketMQ 5.2.0 reflects into these JDK internals (buffer cleaning, Netty); Apogee gets the same. */
    private static final List<String> OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED");

    private JvmOptions() {
    }

    /**
     * No -Xms: with the heap fixed at its maximum, G1 spreads allocation over the whole young
     * generation and resident memory ends up near -Xmx for any broker; growing on demand makes RSS
     * show what each broker's allocation and live data actually need.
     *
     * @param heap -Xmx value, e.g. {@code 1g}
     * @param home directory the process may use as its home (logs of Apache RocketMQ go under it)
     */
    static List<String> server(String heap, String home) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heap);
        options.add("-XX:+UseG1GC");
        options.add("-Duser.home=" + home);
        options.addAll(OPENS);
        return options;
    }
}
