package io.apogee.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.common.message.MessageExt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random put sequences over small files: whatever is put comes back byte for byte, queue
 * offsets are contiguous per queue, and so after a restart.
 */
class RandomPutSequenceProperties {

    /** Mostly small bodies, some near the 4 MiB maximum so records cross many file ends. */
    @Provide
    Arbitrary<List<Integer>> bodySizes() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(70, Arbitraries.integers().between(0, 2048)),
                net.jqwik.api.Tuple.of(25, Arbitraries.integers().between(2048, 300_000)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(3_000_000, 4 * 1024 * 1024)));
        return size.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 12)
    void whatIsPutIsReadBackIdentically(@ForAll("bodySizes") List<Integer> sizes,
                                        @ForAll @IntRange(min = 1, max = 3) int queues,
                                        @ForAll long seed) throws Exception {
        Path dir = Files.createTempDirectory("apogee-prop");
        try {
            MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
            config.setMappedFileSizeCommitLog(5 * 1024 * 1024);
            config.setMaxMessageSize(4 * 1024 * 1024);
            Random random = new Random(seed);
            byte[][] bodies = new byte[sizes.size()][];
            Map<Integer, Long> nextOffset = new HashMap<>();
            int[] queueOf = new int[sizes.size()];
            long[] queueOffsetOf = new long[sizes.size()];

            DefaultMessageStore store = new DefaultMessageStore(config);
            store.start();
            try {
                for (int i = 0; i < sizes.size(); i++) {
                    bodies[i] = new byte[sizes.get(i)];
                    random.nextBytes(bodies[i]);
                    queueOf[i] = random.nextInt(queues);
                    PutMessageResult r = store.putMessage(StoreTestSupport.message("P", queueOf[i], bodies[i], "t", "k" + i)).get();
                    assertThat(r.isOk()).as("put %d of %d bytes: %s", i, sizes.get(i), r).isTrue();
                    long expected = nextOffset.merge(queueOf[i], 1L, Long::sum) - 1;
                    assertThat(r.getAppendMessageResult().getLogicsOffset()).isEqualTo(expected);
                    queueOffsetOf[i] = expected;
                }
                await().until(() -> store.dispatchBehindBytes() == 0);
                checkAll(store, bodies, queueOf, queueOffsetOf, nextOffset);
            } finally {
                store.shutdown();
            }
            DefaultMessageStore reopened = new DefaultMessageStore(config);
            reopened.start();
            try {
                checkAll(reopened, bodies, queueOf, queueOffsetOf, nextOffset);
            } finally {
                reopened.shutdown();
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void checkAll(MessageStore store, byte[][] bodies, int[] queueOf, long[] queueOffsetOf,
                                 Map<Integer, Long> nextOffset) {
        nextOffset.forEach((q, max) -> assertThat(store.getMaxOffsetInQueue("P", q)).isEqualTo(max));
        for (int i = 0; i < bodies.length; i++) {
            MessageExt m = StoreTestSupport.read(store, "P", queueOf[i], queueOffsetOf[i]);
            assertThat(m).as("message %d", i).isNotNull();
            assertThat(m.getBody()).isEqualTo(bodies[i]);
            assertThat(m.getKeys()).isEqualTo("k" + i);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
