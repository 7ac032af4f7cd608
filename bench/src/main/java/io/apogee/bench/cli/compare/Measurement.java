package io.apogee.bench.cli.compare;

import io.apogee.bench.workload.BenchResult;

/**
 * One workload run on one system in one round: the bench result and the system's usage, or the
 * error that prevented them.
 */
record Measurement(Workload workload, int round, String system, BenchResult result, ProcSample usage, String error) {

    static Measurement ok(Workload workload, int round, String system, BenchProcess.Measured measured) {
        return new Measurement(workload, round, system, measured.result(), measured.usage(), null);
    }

    static Measurement failed(Workload workload, int round, String system, Exception e) {
        return new Measurement(workload, round, system, null, null, String.valueOf(e.getMessage()));
    }

    boolean succeeded() {
        return error == null;
    }
}
