package io.apogee.store.bench;

import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.FlushDiskType;
import io.apogee.store.GetMessageResult;
import io.apogee.store.GetMessageStatus;
import io.apogee.store.MessageFilter;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.stats.LatencyHistogram;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Store throughput benchmark: N threads put messages of a fixed size for a number of seconds,
 * then (optionally) N threads read them back in 32-message pulls.
 *
 * <pre>
 * StoreBench [--size 1024] [--threads 8] [--seconds 20] [--flush async|sync] [--dir DIR]
 *            [--queues 8] [--read-seconds 0] [--keep] [--recover-only] [--transient-pool] [--pool-size 5] [--inflight 1]
 *            [--keys]
 * </pre>
 * The last line is {@code store-bench: <msgs/s> msg/s}. Without --dir a temporary directory is
 * used and deleted afterwards. --recover-only opens an existing --dir (e.g. after kill -9 of a
 * previous run with --keep), prints how long recovery took and exits. --transient-pool needs
 * -XX:MaxDirectMemorySize of at least pool size x 1 GiB. --inflight N lets each thread keep N
 * puts outstanding and count them when their futures complete, as the broker does (it never
 * blocks a thread on a flush); with 1 each thread blocks on every put. --keys gives every message a
 * unique key (UNIQ_KEY, as clients set it), so that the index is written too.
 */
public final class StoreBench {
    private static final String TOPIC = "BenchTopic";
    private static final String PROPERTIES = "WAIT\u0001true\u0002TAGS\u0001bench\u0002";

    private int size = 1024;
    private int threads = 8;
    private int seconds = 20;
    private FlushDiskType flush = FlushDiskType.ASYNC_FLUSH;
    private Path dir;
    private int queues = 8;
    private int readSeconds;
    private boolean keep;
    private boolean recoverOnly;
    private boolean transientPool;
    private int poolSize = 5;
    private int inflight = 1;
    private boolean keys;

    /** Runs in the calling thread and returns; every thread it starts is stopped or a daemon. */
    public static void main(String[] args) throws Exception {
        StoreBench bench = new StoreBench();
        if (bench.parse(args)) {
            bench.run();
        }
    }

    /** Returns false when only help was asked for. */
    private boolean parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--flush" -> flush = args[++i].equalsIgnoreCase("sync") ? FlushDiskType.SYNC_FLUSH
                        : FlushDiskType.ASYNC_FLUSH;
                case "--dir" -> dir = Path.of(args[++i]);
                case "--queues" -> queues = Integer.parseInt(args[++i]);
                case "--read-seconds" -> readSeconds = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                case "--recover-only" -> recoverOnly = true;
                case "--transient-pool" -> transientPool = true;
                case "--pool-size" -> poolSize = Integer.parseInt(args[++i]);
                case "--inflight" -> inflight = Integer.parseInt(args[++i]);
                case "--keys" -> keys = true;
                case "-h", "--help" -> {
                    System.out.println("usage: StoreBench [--size 1024] [--threads 8] [--seconds 20] [--flush async|sync]"
                            + " [--dir DIR] [--queues 8] [--read-seconds 0] [--keep] [--recover-only] [--transient-pool] [--pool-size 5] [--inflight 1]"
                            + " [--keys]");
                    return false;
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return true;
    }

    private void run() throws Exception {
        boolean temporary = dir == null;
        if (temporary) {
            dir = Files.createTempDirectory("apogee-store-bench");
        }
        try {
            MessageStoreConfig config = new MessageStoreConfig();
            config.setStorePathRootDir(dir.toString());
            config.setFlushDiskType(flush);
            config.setTransientStorePoolEnable(transientPool);
            config.setTransientStorePoolSize(poolSize);
            DefaultMessageStore store = new DefaultMessageStore(config);
            long openStart = System.nanoTime();
            store.start();
            long openMillis = (System.nanoTime() - openStart) / 1_000_000;
            try {
                measure(store, openMillis);
            } finally {
                store.shutdown();
            }
        } finally {
            if (temporary && !keep) {
                deleteRecursively(dir);
            }
        }
    }

    private void measure(DefaultMessageStore store, long openMillis) throws InterruptedException {
        if (recoverOnly) {
            var outcome = store.getRecoveryOutcome();
            System.out.printf("recovery: crashed=%s, verified %,d bytes (%d..%d), re-dispatched %,d bytes, in %d ms"
                            + " (store open in %d ms), %s%n",
                    outcome.crashed(), outcome.endOffset() - outcome.startOffset(), outcome.startOffset(),
                    outcome.endOffset(), outcome.endOffset() - outcome.redispatchFrom(), outcome.millis(), openMillis,
                    outcome.reason() == null ? "no truncation" : "truncated: " + outcome.reason());
            return;
        }
        System.out.printf("store-bench: size=%d threads=%d inflight=%d seconds=%d flush=%s queues=%d transientPool=%s"
                + " dir=%s%n", size, threads, inflight, seconds, flush, queues, transientPool, dir);
        double putRate = writePhase(store);
        if (readSeconds > 0) {
            readPhase(store);
        }
        System.out.printf("store-bench: %.0f msg/s%n", putRate);
    }

    private double writePhase(DefaultMessageStore store) throws InterruptedException {
        LatencyHistogram latency = new LatencyHistogram();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        InetSocketAddress born = new InetSocketAddress("127.0.0.1", 40000);
        InetSocketAddress storeHost = new InetSocketAddress("127.0.0.1", 10911);
        for (int t = 0; t < threads; t++) {
            MessageExtBrokerInner msg = new MessageExtBrokerInner();
            msg.setTopic(TOPIC);
            msg.setQueueId(t % queues);
            msg.setBody(new byte[size]);
            msg.setBornHost(born);
            msg.setStoreHost(storeHost);
            msg.setPropertiesString(PROPERTIES);
            msg.setTagsCode("bench".hashCode());
            Semaphore permits = new Semaphore(inflight);
            String keyPrefix = String.format("%08X", t);
            Thread worker = new Thread(() -> {
                long sequence = 0;
                while (!stop.get()) {
                    permits.acquireUninterruptibly();
                    long start = System.nanoTime();
                    msg.setBornTimestamp(System.currentTimeMillis());
                    if (keys) {
                        msg.setPropertiesString(PROPERTIES + "UNIQ_KEY\u0001" + keyPrefix + Long.toHexString(sequence++)
                                + "\u0002");
                    }
                    store.putMessage(msg).whenComplete((r, error) -> {
                        latency.record((System.nanoTime() - start) / 1000);
                        if (r != null && r.isOk()) {
                            ok.increment();
                        } else {
                            failed.increment();
                        }
                        permits.release();
                    });
                }
                permits.acquireUninterruptibly(inflight);
            }, "bench-writer-" + t);
            workers.add(worker);
        }
        long begin = System.nanoTime();
        workers.forEach(Thread::start);
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1000);
            System.out.printf("  %2ds: %,d messages, dispatch behind %,d bytes%n", s, ok.sum(), store.dispatchBehindBytes());
        }
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        double rate = ok.sum() / elapsed;
        System.out.printf("put: %,.0f msg/s, %.1f MB/s, failed %d, latency p50 %d us, p99 %d us, p999 %d us, max %d us%n",
                rate, rate * size / 1e6, failed.sum(), latency.percentile(0.5), latency.percentile(0.99),
                latency.percentile(0.999), latency.max());
        return rate;
    }

    private void readPhase(DefaultMessageStore store) throws InterruptedException {
        while (store.dispatchBehindBytes() > 0) {
            Thread.sleep(10);
        }
        LongAdder read = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int queueId = t % queues;
            Thread reader = new Thread(() -> {
                long max = store.getMaxOffsetInQueue(TOPIC, queueId);
                long offset = store.getMinOffsetInQueue(TOPIC, queueId);
                while (!stop.get() && max > 0) {
                    GetMessageResult r = store.getMessage("bench", TOPIC, queueId, offset, 32, Integer.MAX_VALUE,
                            MessageFilter.ALL);
                    read.add(r.getMessageCount());
                    r.release();
                    offset = r.getStatus() == GetMessageStatus.FOUND && r.getNextBeginOffset() < max
                            ? r.getNextBeginOffset() : store.getMinOffsetInQueue(TOPIC, queueId);
                }
            }, "bench-reader-" + t);
            readers.add(reader);
        }
        long begin = System.nanoTime();
        readers.forEach(Thread::start);
        Thread.sleep(readSeconds * 1000L);
        stop.set(true);
        for (Thread r : readers) {
            r.join();
        }
        double rate = read.sum() / ((System.nanoTime() - begin) / 1e9);
        System.out.printf("read (32-message pulls): %,.0f msg/s, %.1f MB/s%n", rate, rate * size / 1e6);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
