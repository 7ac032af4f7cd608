package io.apogee.store.recovery;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.StoredRecords;
import io.apogee.store.commitlog.CommitLog;
import io.apogee.store.dispatch.RecordParser;
import io.apogee.store.dispatch.ReputService;
import io.apogee.store.file.MappedFile;
import io.apogee.store.index.IndexService;
import io.apogee.store.queue.ConsumeQueue;
import io.apogee.store.queue.ConsumeQueueStore;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings loaded files back to a consistent state before the store opens:
 * <ol>
 * <li>finds the end of valid data in the commit log, verifying every record from a start file
 * (after a clean shutdown: the last three files; after a crash: the file the checkpoint points to),
 * and cuts the log at the first torn or corrupt record;</li>
 * <li>drops consume-queue entries beyond that end and caps the index;</li>
 * <li>re-dispatches the records after what the queues already cover, rebuilding lost entries;
 * after a crash at the latest from the first record stored after the checkpoint's safe time, since
 * queues flush independently and one may have lost entries below another's end;</li>
 * <li>restores each queue's next offset.</li>
 * </ol>
 */
public final class RecoveryProcedure {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryProcedure.class);
    private static final int FILES_CHECKED_AFTER_CLEAN_SHUTDOWN = 3;

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final StoreCheckpoint checkpoint;
    private final RecordParser parser;
    private final ReputService reput;

    /** What recovery found, for logs and tests. */
    public record Outcome(boolean crashed, long startOffset, long endOffset, long truncatedBytes, String reason,
                          long redispatchFrom, long millis) {
    }

    public RecoveryProcedure(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueStore queues,
                             IndexService index, StoreCheckpoint checkpoint, RecordParser parser, ReputService reput) {
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.checkpoint = checkpoint;
        this.parser = parser;
        this.reput = reput;
    }

    public Outcome recover(boolean crashed) {
        long begin = System.currentTimeMillis();
        List<MappedFile> files = commitLog.getFiles().getFiles();
        long safe = crashed ? checkpoint.getMinTimestamp(config.isMessageIndexEnable()) : Long.MAX_VALUE;
        int startIndex = crashed ? checkpointFileIndex(files, safe)
                : Math.max(0, files.size() - FILES_CHECKED_AFTER_CLEAN_SHUTDOWN);
        long startOffset = files.isEmpty() ? 0 : files.get(startIndex).getFileFromOffset();
        long loadedEnd = commitLog.getFiles().getMaxWrotePosition();
        Scan scan = files.isEmpty() ? new Scan(0, 0, null) : scan(files, startIndex, safe);
        long end = scan.end();
        if (end < loadedEnd && scan.problem() != null) {
            LOG.warn("commit log truncated at offset {} ({}); everything after it, up to {}, is discarded",
                    end, scan.problem(), loadedEnd);
        }
        commitLog.truncateTo(end);

        long minOffset = commitLog.getMinOffset();
        long queuesEnd = minOffset;
        for (ConsumeQueue cq : queues.all()) {
            cq.recover(end);
            cq.correctMinOffset(minOffset);
            queuesEnd = Math.max(queuesEnd, cq.getMaxPhysicOffset());
        }
        if (index != null) {
            index.capEndPhyOffset(end);
        }
        // After a crash the queues may miss entries below their maximum, but none of messages the
        // checkpoint says are durable; a clean shutdown left them complete.
        long redispatchFrom = Math.min(scan.firstAfterSafe(), queuesEnd);
        reput.setReputFromOffset(Math.max(redispatchFrom, minOffset));
        reput.dispatchAvailable(end);
        for (ConsumeQueue cq : queues.all()) {
            commitLog.setQueueOffset(cq.getTopic(), cq.getQueueId(), cq.getMaxOffsetInQueue());
        }
        long millis = System.currentTimeMillis() - begin;
        LOG.info("{} recovery: verified commit log from {} to {}, re-dispatched from {}, in {} ms",
                crashed ? "crash" : "clean-shutdown", startOffset, end, redispatchFrom, millis);
        return new Outcome(crashed, startOffset, end, Math.max(0, loadedEnd - end), scan.problem(), redispatchFrom,
                millis);
    }

    /** The newest file whose first message is older than everything the checkpoint says is durable. */
    private int checkpointFileIndex(List<MappedFile> files, long safe) {
        for (int i = files.size() - 1; i >= 0; i--) {
            MappedFile mf = files.get(i);
            if (!mf.hold()) {
                continue;
            }
            try {
                ByteBuffer view = mf.readableView();
                RecordParser.Result r = parser.parse(view, mf.getFileFromOffset(), false);
                if (r.kind() == RecordParser.Kind.MESSAGE && r.request().storeTimestamp() <= safe) {
                    return i;
                }
            } finally {
                mf.release();
            }
        }
        return 0;
    }

    /**
     * Where verification stopped, the first record stored after the checkpoint's safe time (the end
     * when there is none), and why it stopped if not at the end of the data.
     */
    private record Scan(long end, long firstAfterSafe, String problem) {
    }

    /** Verifies records from file {@code startIndex} to the first torn or corrupt one. */
    private Scan scan(List<MappedFile> files, int startIndex, long safeTimestamp) {
        boolean checkCrc = config.isCheckCRCOnRecover();
        long end = files.get(startIndex).getFileFromOffset();
        long firstAfterSafe = -1;
        String problem = null;
        scanning:
        for (int i = startIndex; i < files.size(); i++) {
            MappedFile mf = files.get(i);
            if (!mf.hold()) {
                break;
            }
            try {
                ByteBuffer view = mf.readableView();
                long from = mf.getFileFromOffset();
                while (true) {
                    long offset = from + view.position();
                    RecordParser.Result r = parser.verify(view, offset, checkCrc);
                    if (r.kind() == RecordParser.Kind.MESSAGE) {
                        if (firstAfterSafe < 0 && StoredRecords.storeTimestamp(view) > safeTimestamp) {
                            firstAfterSafe = offset;
                        }
                        view.position(view.position() + r.size());
                        end = from + view.position();
                    } else if (r.kind() == RecordParser.Kind.END_OF_FILE || view.position() == mf.getFileSize()) {
                        end = from + mf.getFileSize();
                        break;
                    } else {
                        if (r.problem() != null) {
                            problem = "at offset " + offset + ": " + r.problem();
                        }
                        break scanning;
                    }
                }
            } finally {
                mf.release();
            }
        }
        return new Scan(end, firstAfterSafe < 0 ? end : firstAfterSafe, problem);
    }
}
