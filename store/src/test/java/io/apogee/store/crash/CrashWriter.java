package io.apogee.store.crash;

import io.apogee.store.DefaultMessageStore;
import io.apogee.store.FlushDiskType;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import io.apogee.store.StoreTestSupport;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child process for the crash tests: opens the store and writes messages from several threads
 * until killed, printing {@code ACK seq queueId queueOffset physOffset} for every acknowledged put.
 * Message bodies are a function of their sequence number so the parent can check every byte.
 */
public final class CrashWriter {
    static final String TOPIC = "CrashTopic";
    static final int QUEUES = 4;
    private static final int THREADS = 4;

    private CrashWriter() {
    }

    static MessageStoreConfig config(Path dir, FlushDiskType flush) {
        MessageStoreConfig config = StoreTestSupport.smallConfig(dir);
        config.setMappedFileSizeCommitLog(256 * 1024);
        config.setMappedFileSizeConsumeQueue(100 * 20);
        config.setMaxMessageSize(64 * 1024);
        config.setFlushDiskType(flush);
        config.setFlushConsumeQueueThoroughInterval(200);
        return config;
    }

    /** Body of message {@code seq}: 8-byte seq then pseudo-random bytes, 0..9000 bytes long in total. */
    static byte[] body(long seq) {
        Random r = new Random(seq);
        int length = 8 + r.nextInt(9000);
        byte[] body = new byte[length];
        r.nextBytes(body);
        ByteBuffer.wrap(body).putLong(seq);
        return body;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        FlushDiskType flush = FlushDiskType.valueOf(args[1]);
        long firstSeq = Long.parseLong(args[2]);
        DefaultMessageStore store = new DefaultMessageStore(config(dir, flush));
        store.start();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        AtomicLong seqs = new AtomicLong(firstSeq);
        for (int t = 0; t < THREADS; t++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    long seq = seqs.getAndIncrement();
                    int queueId = (int) (seq % QUEUES);
                    var msg = StoreTestSupport.message(TOPIC, queueId, body(seq), "t" + (seq % 3), "k" + seq);
                    PutMessageResult r = store.putMessage(msg).join();
                    if (r.isOk()) {
                        String line = "ACK " + seq + " " + queueId + " " + r.getAppendMessageResult().getLogicsOffset()
                                + " " + r.getAppendMessageResult().getWroteOffset();
                        synchronized (out) {
                            out.println(line);
                            out.flush();
                        }
                    }
                }
            }, "writer-" + t);
            writer.start();
        }
        Thread.currentThread().join();
    }
}
