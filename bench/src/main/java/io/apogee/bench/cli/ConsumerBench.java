package io.apogee.bench.cli;

import io.apogee.bench.workload.BenchClient;
import io.apogee.bench.workload.BenchResult;
import io.apogee.bench.workload.ConsumerSettings;
import io.apogee.bench.workload.ConsumerWorkload;
import io.apogee.bench.workload.Tags;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench consumer}: consumes and reports the receive TPS and end-to-end latency. */
@Command(name = "consumer", mixinStandardHelpOptions = true,
        description = "Consume messages and report receive TPS every second, then end-to-end latency "
                + "(born time, or the producer's --stamp, to the listener) avg/p50/p99/p999/max.")
public final class ConsumerBench implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "16",
            description = "Consume threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Consumer group (default: a new group per run, so --from-first reads everything).")
    String group;

    @Option(names = "--from-first", description = "A new group starts at the oldest message instead of the newest.")
    boolean fromFirst;

    @Option(names = "--tags", description = "Subscribe with the tag expression matching the producer's --tags.")
    boolean tags;

    @Option(names = "--first-timeout", paramLabel = "S", defaultValue = "120",
            description = "Give up when no message arrives within S seconds (default: ${DEFAULT-VALUE}).")
    int firstMessageTimeoutSeconds;

    ConsumerSettings settings() {
        String groupName = group != null ? group : "apogee-bench-consumer-" + ProcessHandle.current().pid()
                + "-" + System.currentTimeMillis();
        BenchClient.Subscription subscription = new BenchClient.Subscription(groupName, common.topics(),
                tags ? Tags.allExpression() : "*", fromFirst, threads);
        return new ConsumerSettings(subscription, common.warmupSeconds, common.seconds, common.messages,
                firstMessageTimeoutSeconds);
    }

    @Override
    public Integer call() throws Exception {
        ConsumerSettings settings = settings();
        PrintStream out = System.out;
        BenchResult result;
        try (BenchClient client = common.openClient("consumer")) {
            result = new ConsumerWorkload(settings, client, out).run();
        }
        out.printf("consumer-bench summary: client=%s group=%s topics=%d messages=%d seconds=%.1f%n",
                common.client.name().toLowerCase(), settings.subscription().group(), settings.topics().size(),
                result.messages(), result.seconds());
        out.println("e2e latency: " + result.latency().describeMillis());
        common.writeResult(result);
        out.printf("consumer-bench: %.0f tps%n", result.tps());
        return result.messages() > 0 ? 0 : 1;
    }
}
