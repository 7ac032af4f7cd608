package io.apogee.bench.cli;

import io.apogee.bench.workload.ApogeeBenchClient;
import io.apogee.bench.workload.BenchClient;
import io.apogee.bench.workload.OfficialBenchClient;

/** Which client library the benchmark drives. */
public enum ClientKind {
    /** Apogee's own client, io.apogee.client. */
    APOGEE {
        @Override
        BenchClient open(String namesrvAddr, String instanceName) {
            return new ApogeeBenchClient(namesrvAddr, instanceName);
        }
    },
    /** The official Apache RocketMQ 5.2.0 client. */
    OFFICIAL {
        @Override
        BenchClient open(String namesrvAddr, String instanceName) {
            return new OfficialBenchClient(namesrvAddr, instanceName);
        }
    };

    abstract BenchClient open(String namesrvAddr, String instanceName);
}
