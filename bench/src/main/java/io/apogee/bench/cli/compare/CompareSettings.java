package io.apogee.bench.cli.compare;

/**
 * Knobs every workload of a comparison shares.
 *
 * @param seconds measured seconds of a timed workload
 * @param warmupSeconds unmeasured seconds before that
 * @param backlogMessages messages the consume-backlog workload preloads and then consumes
 * @param idleRate messages per second of the idle end-to-end latency workload
 */
record CompareSettings(int seconds, int warmupSeconds, long backlogMessages, int idleRate) {
}
