package io.apogee.bench.cli.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The workloads of the comparison, each runnable on its own (--workloads). */
enum Workload {
    SYNC_16("sync-16", "sync send, 1 KiB, 16 threads") {
        @Override
        BenchProcess.Measured run(WorkloadRun run) throws Exception {
            return timedProducer(run, "--mode", "sync", "--threads", "16", "--size", "1024");
        }
    },
    SYNC_64("sync-64", "sync send, 1 KiB, 64 threads") {
        @Override
        BenchProcess.Measured run(WorkloadRun run) throws Exception {
            return timedProducer(run, "--mode", "sync", "--threads", "64", "--size", "1024");
        }
    },
    ASYNC("async", "async send, 1 KiB, 4 threads, up to 1024 in flight") {
        @Override
        BenchProcess.Measured run(WorkloadRun run) throws Exception {
            return timedProducer(run, "--mode", "async", "--threads", "4", "--inflight", "1024", "--size", "1024");
        }
    },
    BATCH_32("batch-32", "sync batches of 32 x 1 KiB, 8 threads") {
        @Override
        BenchProcess.Measured run(WorkloadRun run) throws Exception {
            return timedProducer(run, "--mode", "batch", "--batch", "32", "--threads", "8", "--size", "1024");
        }
    },
    BACKLOG("backlog", "consume a preloaded backlog of 1 KiB messages, 16 consume threads") {
        @Override
        BenchProcess.Measured run(WorkloadRun run) throws Exception {
            String count = Long.toString(run.settings().backlogMessages());
            run.run("producer", false, TOPIC, List.of("--mode", "batch", "--batch", "32", "--threads", "4",
                    "--seconds", "0", "--messages", count));
            return run.run("consumer", true, TOPIC, List.of("--from-first", "--threads", "16",
                    "--messages", count, "--seconds", "0"));
        }
    },
    IDLE_E2E("idle-e2e", "end-to-end latency at a low, steady rate (one paced producer, one consumer)") {
        @Override
        BenchProcess.Measured run(WorkloadRun run) throws Exception {
            CompareSettings s = run.settings();
            // The topic must exist before the consumer starts: a consumer that finds no route waits
            // for its next route poll and rebalance, and the latency would measure that instead.
            run.run("producer", false, TOPIC, List.of("--messages", "8", "--seconds", "0", "--threads", "1"));
            BenchProcess consumer = run.start("consumer", true, TOPIC, List.of("--threads", "4",
                    "--warmup", Integer.toString(s.warmupSeconds()), "--seconds", Integer.toString(s.seconds())));
            // The producer outlasts the consumer's warm-up and measured part whatever its start-up takes.
            int producerSeconds = s.warmupSeconds() + s.seconds() + 15;
            BenchProcess producer = run.start("producer", false, TOPIC, List.of("--mode", "sync", "--threads", "1",
                    "--rate", Integer.toString(s.idleRate()), "--stamp", "--seconds", Integer.toString(producerSeconds)));
            BenchProcess.Measured measured = run.await(consumer);
            run.await(producer);
            return measured;
        }
    },
    TOPICS_1000("topics-1000", "sync send, 1 KiB, 16 threads over 1,000 topics x 8 queues") {
        @Override
        BenchProcess.Measured run(WorkloadRun run) throws Exception {
            return timedProducer(run, "--mode", "sync", "--threads", "16", "--size", "1024",
                    "--topics", "1000", "--queues", "8");
        }
    },
    SIZE_4K("size-4k", "sync send, 4 KiB, 16 threads") {
        @Override
        BenchProcess.Measured run(WorkloadRun run) throws Exception {
            return timedProducer(run, "--mode", "sync", "--threads", "16", "--size", "4096");
        }
    };

    /** Each run starts on an empty store, so one topic name serves every workload. */
    private static final String TOPIC = "BenchTopic";

    private final String id;
    private final String description;

    Workload(String id, String description) {
        this.id = id;
        this.description = description;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    abstract BenchProcess.Measured run(WorkloadRun run) throws Exception;

    private static BenchProcess.Measured timedProducer(WorkloadRun run, String... args) throws Exception {
        List<String> all = new ArrayList<>(run.timed());
        all.addAll(Arrays.asList(args));
        return run.run("producer", true, TOPIC, all);
    }

    /** Parses a comma-separated list of ids; {@code all} means every workload. */
    static List<Workload> parse(String list) {
        if (list.trim().equals("all")) {
            return List.of(values());
        }
        List<Workload> selected = new ArrayList<>();
        for (String id : list.split(",")) {
            String wanted = id.trim();
            selected.add(Arrays.stream(values()).filter(w -> w.id.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + wanted + "'; known: "
                            + Arrays.stream(values()).map(Workload::id).toList())));
        }
        return selected;
    }
}
