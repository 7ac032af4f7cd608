package io.apogee.bench.cli.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a workload needs to run against one started system: it launches bench children pointed at
 * the system, sampling the system's usage only while the child it calls measured is measuring.
 */
final class WorkloadRun {
    /** Generous upper bound for any single bench child; a hung one must not hang the comparison. */
    private static final long CHILD_TIMEOUT_SECONDS = 1800;

    private final RunningSystem system;
    private final String benchClassPath;
    private final Path dir;
    private final CompareSettings settings;
    private int started;

    WorkloadRun(RunningSystem system, String benchClassPath, Path dir, CompareSettings settings) {
        this.system = system;
        this.benchClassPath = benchClassPath;
        this.dir = dir;
        this.settings = settings;
    }

    CompareSettings settings() {
        return settings;
    }

    /** The common duration arguments of a timed run. */
    List<String> timed() {
        return List.of("--seconds", Integer.toString(settings.seconds()),
                "--warmup", Integer.toString(settings.warmupSeconds()));
    }

    /**
     * Starts {@code bench role --namesrv ... --topic topic args}.
     *
     * @param measured sample the system at this child's measuring markers
     */
    BenchProcess start(String role, boolean measured, String topic, List<String> args) throws Exception {
        // Both systems are driven by the official client: the comparison is about the brokers.
        List<String> all = new ArrayList<>(List.of("--client", "official", "--namesrv", system.namesrvAddr(), "--topic", topic));
        all.addAll(args);
        // Numbered in start order: a workload may start several children of one role.
        String name = ++started + "-" + role + (measured ? "" : "-unmeasured");
        return new BenchProcess(benchClassPath, role, all, dir, name, measured ? system : null);
    }

    /** Starts the child and waits for it. */
    BenchProcess.Measured run(String role, boolean measured, String topic, List<String> args) throws Exception {
        return await(start(role, measured, topic, args));
    }

    BenchProcess.Measured await(BenchProcess child) throws Exception {
        return child.await(CHILD_TIMEOUT_SECONDS);
    }
}
