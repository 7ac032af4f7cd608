package io.apogee.bench.cli;

import io.apogee.store.bench.StoreBench;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code bench store}: the storage engine alone, no network ({@link StoreBench}). Its options are the
 * store benchmark's own and are passed through unchanged, so {@code bench store --help} prints them.
 */
@Command(name = "store", description = "Put (and read back) messages straight into a message store in a temp dir: "
        + "msg/s, MB/s and put latency; or time crash recovery of a kept store (--recover-only).")
public final class StoreBenchCommand implements Callable<Integer> {
    @Unmatched
    List<String> storeBenchArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        StoreBench.main(storeBenchArgs.toArray(String[]::new));
        return 0;
    }
}
