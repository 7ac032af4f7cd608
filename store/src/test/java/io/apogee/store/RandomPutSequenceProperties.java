package io.apogee.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.common.message.MessageExt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            int fileSize = 5 * 1024 * 1024;
            config.setMappedFileSizeCommitLog(fileSize);
            config.setMaxMessageSize(4 * 1024 * 1024);
            Random random = new Random(seed);
            Puts puts = new Puts(random, queues);

            DefaultMessageStore store = new DefaultMessageStore(config);
            store.start();
            try {
                for (int size : sizes) {
                    puts.put(store, size);
                }
                // a short sequence is topped up until some record had to start a new file
                while (puts.recordsStartingAFile(fileSize) == 0) {
                    puts.put(store, random.nextInt(300_000));
                }
                assertThat(store.getMaxPhyOffset()).isGreaterThan(fileSize);
                await().until(() -> store.dispatchBehindBytes() == 0);
                puts.checkAll(store);
            } finally {
                store.shutdown();
            }
            DefaultMessageStore reopened = new DefaultMessageStore(config);
            reopened.start();
            try {
                puts.checkAll(reopened);
            } finally {
                reopened.shutdown();
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** What was put where: bodies, queues, queue offsets and commit-log offsets. */
    private static final class Puts {
        private final Random random;
        private final int queues;
        private final List<byte[]> bodies = new ArrayList<>();
        private final List<Integer> queueOf = new ArrayList<>();
        private final List<Long> queueOffsetOf = new ArrayList<>();
        private final List<Long> physOffsetOf = new ArrayList<>();
        private final Map<Integer, Long> nextOffset = new HashMap<>();

        Puts(Random random, int queues) {
            this.random = random;
            this.queues = queues;
        }

        void put(MessageStore store, int size) throws Exception {
            int i = bodies.size();
            byte[] body = new byte[size];
            random.nextBytes(body);
            int queue = random.nextInt(queues);
            PutMessageResult r = store.putMessage(StoreTestSupport.message("P", queue, body, "t", "k" + i)).get();
            assertThat(r.isOk()).as("put %d of %d bytes: %s", i, size, r).isTrue();
            long expected = nextOffset.merge(queue, 1L, Long::sum) - 1;
            assertThat(r.getAppendMessageResult().getLogicsOffset()).isEqualTo(expected);
            bodies.add(body);
            queueOf.add(queue);
            queueOffsetOf.add(expected);
            physOffsetOf.add(r.getAppendMessageResult().getWroteOffset());
        }

        /** Records written at the very start of a file after the first: a file end was crossed. */
        long recordsStartingAFile(int fileSize) {
            return physOffsetOf.stream().filter(offset -> offset > 0 && offset % fileSize == 0).count();
        }

        void checkAll(MessageStore store) {
            nextOffset.forEach((q, max) -> assertThat(store.getMaxOffsetInQueue("P", q)).isEqualTo(max));
            for (int i = 0; i < bodies.size(); i++) {
                MessageExt m = StoreTestSupport.read(store, "P", queueOf.get(i), queueOffsetOf.get(i));
                assertThat(m).as("message %d", i).isNotNull();
                assertThat(m.getCommitLogOffset()).isEqualTo(physOffsetOf.get(i));
                assertThat(m.getBody()).isEqualTo(bodies.get(i));
                assertThat(m.getKeys()).isEqualTo("k" + i);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
