package io.apogee.store.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageExt;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.FlushDiskType;
import io.apogee.store.GetMessageResult;
import io.apogee.store.GetMessageStatus;
import io.apogee.store.MessageFilter;
import io.apogee.store.QueryMessageResult;
import io.apogee.store.file.MappedFile;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a writing child JVM with SIGKILL at random moments and checks, after each kill, that
 * the reopened store has every acknowledged message byte for byte, contiguous queue offsets and
 * only whole records up to its end.
 */
class CrashRecoveryTest {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryTest.class);

    /** An acknowledged put. */
    record Ack(long seq, int queueId, long queueOffset, long physOffset) {
    }

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void syncFlushSurvivesRepeatedKills() throws Exception {
        killRepeatedly(FlushDiskType.SYNC_FLUSH, 20, 20260101L);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void asyncFlushRecoversAConsistentPrefix() throws Exception {
        killRepeatedly(FlushDiskType.ASYNC_FLUSH, 8, 777L);
    }

    private void killRepeatedly(FlushDiskType flush, int rounds, long seed) throws Exception {
        Random random = new Random(seed);
        List<Ack> acks = new ArrayList<>();
        long nextSeq = 0;
        for (int round = 0; round < rounds; round++) {
            // Short runs: what matters is where the kill lands, and the child's start-up dominates a round.
            List<Ack> roundAcks = runAndKill(flush, nextSeq, 20 + random.nextInt(300));
            acks.addAll(roundAcks);
            nextSeq = roundAcks.stream().mapToLong(Ack::seq).max().orElse(nextSeq) + 1000;
            // Every other round the next child recovers from the crash itself; the rest we check here.
            if (round % 2 == 1 || round == rounds - 1) {
                verify(flush, acks);
            }
            LOG.info("{} round {}: {} acknowledged this round, {} total", flush, round, roundAcks.size(), acks.size());
        }
        assertThat(acks).hasSizeGreaterThan(rounds * 10);
    }

    private List<Ack> runAndKill(FlushDiskType flush, long firstSeq, long runMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector start the child faster; the writers' concurrency is unchanged.
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString(), flush.name(), String.valueOf(firstSeq));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        List<Ack> acks = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(" ");
                    if (f.length == 5 && f[0].equals("ACK")) {
                        try {
                            Ack ack = new Ack(Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                                    Long.parseLong(f[4]));
                            synchronized (acks) {
                                acks.add(ack);
                            }
                        } catch (NumberFormatException torn) {
                            // the last line may be cut by the kill
                        }
                    } else if (line.equals("READY")) {
                        synchronized (acks) {
                            acks.notifyAll();
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // stream closed by the kill
            }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 30_000;
        synchronized (acks) {
            while (acks.isEmpty() && System.currentTimeMillis() < deadline && child.isAlive()) {
                acks.wait(100);
            }
        }
        // wait for writes to be in flight, then kill without warning
        long killAt = System.currentTimeMillis() + runMillis;
        while (System.currentTimeMillis() < killAt && child.isAlive()) {
            synchronized (acks) {
                acks.wait(Math.max(1, killAt - System.currentTimeMillis()));
            }
        }
        assertThat(child.isAlive()).as("writer child still running before kill").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        synchronized (acks) {
            return new ArrayList<>(acks);
        }
    }

    private void verify(FlushDiskType flush, List<Ack> acks) throws Exception {
        // the killed child had no chance to remove its abort file, so the store must see a crash
        assertThat(new File(dir.toFile(), "abort")).exists();
        DefaultMessageStore store = new DefaultMessageStore(CrashWriter.config(dir, flush));
        store.start();
        try {
            assertThat(store.getRecoveryOutcome().crashed()).isTrue();
            // every record from the start to the end parses and nothing follows the end: nothing torn is left
            walkCommitLog(store);

            Map<Long, Long> seqAtQueueOffset = new HashMap<>();
            for (int q = 0; q < CrashWriter.QUEUES; q++) {
                long max = store.getMaxOffsetInQueue(CrashWriter.TOPIC, q);
                for (long offset = 0; offset < max; ) {
                    GetMessageResult r = store.getMessage("g", CrashWriter.TOPIC, q, offset, 32, 1 << 20, MessageFilter.ALL);
                    try {
                        assertThat(r.getStatus()).as("queue %d offset %d", q, offset).isEqualTo(GetMessageStatus.FOUND);
                        for (int i = 0; i < r.getMessageCount(); i++) {
                            MessageExt m = DefaultMessageStore.decode(r.getMessageBufferList().get(i));
                            assertThat(m.getQueueOffset()).isEqualTo(offset + i);
                            assertThat(m.getQueueId()).isEqualTo(q);
                            long seq = ByteBuffer.wrap(m.getBody()).getLong();
                            assertThat(m.getBody()).isEqualTo(CrashWriter.body(seq));
                            assertThat(m.getKeys()).isEqualTo("k" + seq);
                            seqAtQueueOffset.put(q * 1_000_000_000L + offset + i, seq);
                        }
                        offset = r.getNextBeginOffset();
                    } finally {
                        r.release();
                    }
                }
            }
            for (Ack ack : acks) {
                Long seq = seqAtQueueOffset.get(ack.queueId() * 1_000_000_000L + ack.queueOffset());
                assertThat(seq).as("acknowledged %s present", ack).isEqualTo(ack.seq());
                assertThat(store.getCommitLogOffsetInQueue(CrashWriter.TOPIC, ack.queueId(), ack.queueOffset()))
                        .isEqualTo(ack.physOffset());
            }
            if (!acks.isEmpty()) {
                Ack last = acks.get(acks.size() - 1);
                QueryMessageResult q = store.queryMessage(CrashWriter.TOPIC, "k" + last.seq(), 4, 0, Long.MAX_VALUE);
                try {
                    assertThat(q.getMessageBufferList()).hasSize(1);
                } finally {
                    q.release();
                }
            }
        } finally {
            store.shutdown();
        }
    }

    /**
     * Follows records from the commit-log start to the store's end, reading record headers from
     * the files on disk. A file may only end with a blank-magic filler that runs exactly to its
     * end; any other record must decode at its offset. After the end, the last file holds zeros.
     */
    private static void walkCommitLog(DefaultMessageStore store) throws IOException {
        int fileSize = store.getMessageStoreConfig().getMappedFileSizeCommitLog();
        File commitLogDir = new File(store.getMessageStoreConfig().getStorePathCommitLog());
        long end = store.getMaxPhyOffset();
        long offset = store.getMinPhyOffset();
        while (offset < end) {
            int pos = (int) (offset % fileSize);
            ByteBuffer header = read(commitLogDir, offset - pos, pos, 8);
            if (header.getInt(4) == MessageCodec.BLANK_MAGIC_CODE) {
                assertThat(header.getInt(0)).as("filler at %d runs to its file's end", offset).isEqualTo(fileSize - pos);
                offset += fileSize - pos;
                continue;
            }
            MessageExt m = store.lookMessageByOffset(offset);
            assertThat(m).as("record at %d (before the end %d) decodes", offset, end).isNotNull();
            assertThat(m.getCommitLogOffset()).isEqualTo(offset);
            assertThat(m.getStoreSize()).isEqualTo(header.getInt(0));
            offset += m.getStoreSize();
        }
        assertThat(offset).as("records end exactly at the store's end").isEqualTo(end);
        int pos = (int) (end % fileSize);
        if (pos > 0) {
            ByteBuffer tail = read(commitLogDir, end - pos, pos, fileSize - pos);
            assertThat(tail.equals(ByteBuffer.allocate(fileSize - pos))).as("bytes after the end %d are zero", end).isTrue();
        }
    }

    private static ByteBuffer read(File commitLogDir, long fileStart, int position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        try (FileChannel ch = FileChannel.open(new File(commitLogDir, MappedFile.fileName(fileStart)).toPath())) {
            int n;
            do {
                n = ch.read(buf, position + buf.position());
            } while (n > 0 && buf.hasRemaining());
        }
        assertThat(buf.hasRemaining()).as("file %d has %d bytes at %d", fileStart, length, position).isFalse();
        return buf.flip();
    }
}
