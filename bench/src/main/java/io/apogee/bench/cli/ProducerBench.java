package io.apogee.bench.cli;

import io.apogee.bench.workload.BenchClient;
import io.apogee.bench.workload.BenchResult;
import io.apogee.bench.workload.ProducerSettings;
import io.apogee.bench.workload.ProducerWorkload;
import io.apogee.bench.workload.SendMode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench producer}: sends as fast as acknowledged and reports TPS and send round-trip times. */
@Command(name = "producer", mixinStandardHelpOptions = true,
        description = "Send messages and report send TPS every second, then RT avg/p50/p99/p999/max.")
public final class ProducerBench implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "16",
            description = "Sender threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "1024",
            description = "Body size in bytes (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "sync",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SendMode mode;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
            description = "Messages per request in batch mode (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--inflight", paramLabel = "N", defaultValue = "1024",
            description = "Most unacknowledged requests in async mode (default: ${DEFAULT-VALUE}).")
    int inflight;

    @Option(names = "--tags", description = "Give messages tags (tag0 .. tag7 in turn).")
    boolean tags;

    @Option(names = "--queues", paramLabel = "N", defaultValue = "8",
            description = "Create the topics with N queues first; 0 leaves them alone (default: ${DEFAULT-VALUE}).")
    int queues;

    @Option(names = "--rate", paramLabel = "MSG/S", defaultValue = "0",
            description = "Pace all threads together to this many messages per second; 0 is unpaced.")
    int rate;

    @Option(names = "--stamp", description = "Carry a nanoTime stamp so a consumer on this host measures e2e in microseconds.")
    boolean stamp;

    ProducerSettings settings() {
        return new ProducerSettings(common.topics(), queues, mode, threads, size, batch, inflight, tags,
                common.warmupSeconds, common.seconds, common.messages, rate, stamp);
    }

    @Override
    public Integer call() throws Exception {
        ProducerSettings settings = settings();
        PrintStream out = System.out;
        BenchResult result;
        try (BenchClient client = common.openClient("producer")) {
            result = new ProducerWorkload(settings, client, out).run();
        }
        out.printf("producer-bench summary: client=%s mode=%s threads=%d size=%d topics=%d messages=%d seconds=%.1f failed=%d%n",
                common.client.name().toLowerCase(), settings.mode().name().toLowerCase(), settings.threads(),
                settings.size(), settings.topics().size(), result.messages(), result.seconds(), result.failures());
        out.println("send rt: " + result.latency().describeMillis());
        common.writeResult(result);
        out.printf("producer-bench: %.0f tps%n", result.tps());
        return result.messages() > 0 ? 0 : 1;
    }
}
