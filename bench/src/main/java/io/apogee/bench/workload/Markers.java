package io.apogee.bench.workload;

/**
 * Lines a workload prints when its measured part starts and ends, so that a driving process can
 * sample the broker's CPU time and memory over exactly that interval.
 */
public final class Markers {
    public static final String MEASURING_STARTED = "-- measuring started";
    public static final String MEASURING_ENDED = "-- measuring ended";

    private Markers() {
    }
}
