package io.apogee.store;

/** A snapshot of the store's runtime numbers, for the broker's stats command and logs. */
public record StoreStats(
        long putMessageTimesTotal,
        long putMessageSizeTotal,
        double putTps,
        long putLatencyP50Micros,
        long putLatencyP99Micros,
        long putLatencyP999Micros,
        long putLatencyMaxMicros,
        long getMessageTimesTotalFound,
        long getMessageTimesTotalMiss,
        long dispatchBehindBytes,
        long commitLogMinOffset,
        long commitLogMaxOffset,
        double diskUsedRatio) {
}
