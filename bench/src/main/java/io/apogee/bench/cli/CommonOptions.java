package io.apogee.bench.cli;

import io.apogee.bench.workload.BenchClient;
import io.apogee.bench.workload.BenchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options both the producer and the consumer bench take; mixed into each. */
final class CommonOptions {
    @Option(names = "--namesrv", paramLabel = "ADDR", defaultValue = "127.0.0.1:9876",
            description = "Name server address(es), host:port;host:port (default: ${DEFAULT-VALUE}).")
    String namesrv;

    @Option(names = "--client", paramLabel = "KIND", defaultValue = "apogee",
            description = "Client library: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ClientKind client;

    @Option(names = "--topic", paramLabel = "T", defaultValue = "BenchTopic",
            description = "Topic (default: ${DEFAULT-VALUE}); with --topics N, the prefix of T-0 .. T-(N-1).")
    String topic;

    @Option(names = "--topics", paramLabel = "N", defaultValue = "1",
            description = "Number of topics to spread over (default: ${DEFAULT-VALUE}).")
    int topicCount;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30",
            description = "Measured seconds; 0 runs until --messages (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "0",
            description = "Seconds run before measuring starts (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "0",
            description = "Stop after N messages; 0 means no limit (default: ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--result-file", paramLabel = "FILE",
            description = "Also write the summary as a properties file (read by the comparison).")
    Path resultFile;

    List<String> topics() {
        if (topicCount <= 0) {
            throw new IllegalArgumentException("--topics must be positive: " + topicCount);
        }
        if (topicCount == 1) {
            return List.of(topic);
        }
        List<String> topics = new ArrayList<>(topicCount);
        for (int i = 0; i < topicCount; i++) {
            topics.add(topic + "-" + i);
        }
        return topics;
    }

    /** A client named after this process, so that two bench processes on one host stay apart. */
    BenchClient openClient(String role) {
        return client.open(namesrv, "apogee-bench-" + role + "-" + ProcessHandle.current().pid());
    }

    void writeResult(BenchResult result) throws IOException {
        if (resultFile != null) {
            result.write(resultFile);
        }
    }
}
