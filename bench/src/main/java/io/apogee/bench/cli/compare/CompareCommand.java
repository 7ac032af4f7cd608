package io.apogee.bench.cli.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the same official-client workloads against Apache RocketMQ and Apogee in turn, each run on a
 * freshly started system with an empty store, and writes a markdown report. Started by bench/compare.sh.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Side-by-side benchmark of Apache RocketMQ and Apogee with the official client.")
public final class CompareCommand implements Callable<Integer> {
    @Option(names = "--apache-classpath", required = true, paramLabel = "CP",
            description = "Class path of Apache RocketMQ's name server and broker.")
    String apacheClassPath;

    @Option(names = "--apogee-classpath", paramLabel = "CP",
            description = "Class path of Apogee's server module (needed when apogee is compared).")
    String apogeeClassPath;

    @Option(names = "--bench-classpath", paramLabel = "CP",
            description = "Class path of the bench tool for the client JVMs (default: this JVM's).")
    String benchClassPath = System.getProperty("java.class.path");

    @Option(names = "--systems", split = ",", defaultValue = "apache,apogee",
            description = "Systems in run order; the first is the ratios' baseline (default: ${DEFAULT-VALUE}).")
    List<String> systems;

    @Option(names = "--workloads", defaultValue = "all",
            description = "Comma-separated workloads or 'all': sync-16, sync-64, async, batch-32, backlog, idle-e2e, "
                    + "topics-1000, size-4k (default: ${DEFAULT-VALUE}).")
    String workloads;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds, each running every system once (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per timed run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds per timed run (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--backlog", defaultValue = "1000000", description = "Messages in the backlog workload (default: ${DEFAULT-VALUE}).")
    long backlog;

    @Option(names = "--idle-rate", defaultValue = "100", description = "Messages/s of the idle-e2e workload (default: ${DEFAULT-VALUE}).")
    int idleRate;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of each broker JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--commit-log-mb", defaultValue = "256",
            description = "Commit-log file size in MiB for both brokers (default: ${DEFAULT-VALUE}).")
    int commitLogMb;

    @Option(names = "--namesrv-port", defaultValue = "19876", description = "Name server port (default: ${DEFAULT-VALUE}).")
    int namesrvPort;

    @Option(names = "--broker-port", defaultValue = "20911",
            description = "Broker port; Apache RocketMQ also binds port-2 and port+1 (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--work-dir", defaultValue = "bench/target/compare", description = "Where runs and reports go (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--profile", paramLabel = "WORKLOAD",
            description = "After the rounds, run WORKLOAD once more on apogee under Java Flight Recorder and report its hot paths.")
    String profileWorkload;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompareCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // An interrupted comparison (Ctrl-C, kill) must not leave brokers and clients running: they
        // would hold the ports and load the machine under the next run.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "compare-cleanup"));
        List<Workload> selected = Workload.parse(workloads);
        Path runDir = workDir.resolve("run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()));
        CompareSettings settings = new CompareSettings(seconds, warmupSeconds, backlog, idleRate);
        List<SystemUnderTest> suts = systems.stream().map(this::system).toList();
        List<Measurement> measurements = new ArrayList<>();
        for (Workload workload : selected) {
            for (int round = 1; round <= rounds; round++) {
                for (SystemUnderTest sut : suts) {
                    Path dir = runDir.resolve(workload.id()).resolve("round-" + round).resolve(sut.name());
                    Measurement m = runOnce(sut, workload, round, dir, settings, List.of());
                    measurements.add(m);
                    System.out.println(progressLine(m));
                }
            }
        }
        Report report = new Report(measurements, selected, systems);
        StringBuilder md = new StringBuilder()
                .append(MachineInfo.describe(String.join(" ", commandLine()))).append('\n')
                .append(report.summary()).append('\n')
                .append("Every run:\n\n").append(report.details());
        if (profileWorkload != null) {
            md.append('\n').append(profile(Workload.parse(profileWorkload).get(0), runDir.resolve("profile"), settings));
        }
        Path reportFile = runDir.resolve("report.md");
        Files.createDirectories(runDir);
        Files.writeString(reportFile, md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.println("report written to " + reportFile);
        return measurements.stream().allMatch(Measurement::succeeded) ? 0 : 1;
    }

    private Measurement runOnce(SystemUnderTest sut, Workload workload, int round, Path dir, CompareSettings settings,
                                List<String> extraJvmOptions) {
        try (RunningSystem running = sut.start(dir, extraJvmOptions)) {
            return Measurement.ok(workload, round, sut.name(),
                    workload.run(new WorkloadRun(running, benchClassPath, dir, settings)));
        } catch (Exception e) {
            return Measurement.failed(workload, round, sut.name(), e);
        } finally {
            deleteStore(dir.resolve("store"));
        }
    }

    /** One extra apogee run under JFR; its numbers are not in the tables (recording costs a little CPU). */
    private String profile(Workload workload, Path dir, CompareSettings settings) throws IOException {
        Path recording = dir.resolve("apogee.jfr");
        Files.createDirectories(dir);
        Measurement m = runOnce(system("apogee"), workload, 0, dir, settings,
                List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true"));
        if (!m.succeeded() || !Files.exists(recording)) {
            return "Profiling " + workload.id() + " failed: " + m.error() + "\n";
        }
        return "Apogee under JFR, workload " + workload.id() + " (" + Report.format(m.result().tps())
                + " msgs/s while recording), recording " + recording + ":\n\n"
                + JfrHotPaths.summarize(recording, "io.apogee.", 25);
    }

    private SystemUnderTest system(String name) {
        BrokerProperties broker = new BrokerProperties(namesrvPort, brokerPort, commitLogMb * 1024 * 1024);
        long ticks = MachineInfo.clockTicksPerSecond();
        return switch (name) {
            case "apache" -> new ApacheRocketMq(apacheClassPath, heap, broker, ticks);
            case "apogee" -> {
                if (apogeeClassPath == null) {
                    throw new IllegalArgumentException("--apogee-classpath is needed to run apogee");
                }
                yield new ApogeeStandalone(apogeeClassPath, heap, broker, ticks);
            }
            default -> throw new IllegalArgumentException("unknown system '" + name + "': apache or apogee");
        };
    }

    private static String progressLine(Measurement m) {
        String what = m.workload().id() + " round " + m.round() + " " + m.system() + ": ";
        if (!m.succeeded()) {
            return what + "FAILED " + m.error();
        }
        return what + Report.format(m.result().tps()) + " msgs/s, p99 " + Report.format(m.result().latency().p99() / 1000.0)
                + " ms, server CPU " + Report.format(Metric.CPU_PER_MESSAGE.of(m)) + " µs/msg, peak RSS "
                + Report.format(Metric.PEAK_RSS.of(m)) + " MiB";
    }

    /** The options this run used, for the report (class paths left out). */
    private List<String> commandLine() {
        return List.of("--systems", String.join(",", systems), "--workloads", workloads, "--rounds", Integer.toString(rounds),
                "--seconds", Integer.toString(seconds), "--warmup", Integer.toString(warmupSeconds),
                "--backlog", Long.toString(backlog), "--heap", heap, "--commit-log-mb", Integer.toString(commitLogMb));
    }

    /** Commit logs are large and every run starts empty: only the logs of a run are kept. */
    private static void deleteStore(Path store) {
        if (!Files.exists(store)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(store)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + store + ": " + e.getMessage());
        }
    }
}
