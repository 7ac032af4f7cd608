package io.apogee.bench.cli.compare;

/** A figure the comparison reports for each workload, and the goal for Apogee / Apache. */
enum Metric {
    TPS("msgs/s", "≥ 1.5") {
        @Override
        double of(Measurement m) {
            return m.result().tps();
        }
    },
    P50("p50 latency (ms)", "") {
        @Override
        double of(Measurement m) {
            return m.result().latency().p50() / 1000.0;
        }
    },
    P99("p99 latency (ms)", "≤ 1.0") {
        @Override
        double of(Measurement m) {
            return m.result().latency().p99() / 1000.0;
        }
    },
    CPU_PER_MESSAGE("server CPU µs/msg", "≤ 0.5") {
        @Override
        double of(Measurement m) {
            return m.usage() == null || m.result().messages() == 0
                    ? Double.NaN : m.usage().cpuSeconds() * 1e6 / m.result().messages();
        }
    },
    PEAK_RSS("server peak RSS (MiB)", "≤ 0.5") {
        @Override
        double of(Measurement m) {
            return m.usage() == null ? Double.NaN : m.usage().hwmKib() / 1024.0;
        }
    },
    ANON_RSS("server anon RSS at end (MiB)", "") {
        @Override
        double of(Measurement m) {
            return m.usage() == null ? Double.NaN : m.usage().anonKib() / 1024.0;
        }
    };

    private final String label;
    private final String goal;

    Metric(String label, String goal) {
        this.label = label;
        this.goal = goal;
    }

    String label() {
        return label;
    }

    /** The goal for the ratio Apogee / Apache, as written in the table; empty when the issue sets none. */
    String goal() {
        return goal;
    }

    abstract double of(Measurement m);
}
