package io.apogee.store.recovery;

import io.apogee.store.MessageStoreConfig;
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
 * <li>re-dispatches the records after what the queues already cover, rebuilding lost entries;</li>
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
                          long millis) {
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
        int startIndex = crashed ? checkpointFileIndex(files)
                : Math.max(0, files.size() - FILES_CHECKED_AFTER_CLEAN_SHUTDOWN);
        long startOffset = files.isEmpty() ? 0 : files.get(startIndex).getFileFromOffset();
        long loadedEnd = commitLog.getFiles().getMaxWrotePosition();
        String[] reason = new String[1];
        long end = files.isEmpty() ? 0 : scan(files, startIndex, reason);
        if (end < loadedEnd && reason[0] != null) {
            LOG.warn("commit log truncated at offset {} ({}); everything after it, up to {}, is discarded",
                    end, reason[0], loadedEnd);
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
        // After a crash the queues may miss entries below their maximum; the checkpoint bounds how far back.
        long redispatchFrom = crashed ? Math.min(startOffset, queuesEnd) : Math.min(queuesEnd, end);
        reput.setReputFromOffset(Math.max(redispatchFrom, minOffset));
        reput.dispatchAvailable(end);
        for (ConsumeQueue cq : queues.all()) {
            commitLog.setQueueOffset(cq.getTopic(), cq.getQueueId(), cq.getMaxOffsetInQueue());
        }
        long millis = System.currentTimeMillis() - begin;
        LOG.info("{} recovery: verified commit log from {} to {}, re-dispatched from {}, in {} ms",
                crashed ? "crash" : "clean-shutdown", startOffset, end, redispatchFrom, millis);
        return new Outcome(crashed, startOffset, end, Math.max(0, loadedEnd - end), reason[0], millis);
    }

    /** The newest file whose first message is older than everything the checkpoint says is durable. */
    private int checkpointFileIndex(List<MappedFile> files) {
        long safe = checkpoint.getMinTimestamp(config.isMessageIndexEnable());
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

    /** Verifies records from file {@code startIndex}; returns the offset just past the last good one. */
    private long scan(List<MappedFile> files, int startIndex, String[] reason) {
        boolean checkCrc = config.isCheckCRCOnRecover();
        long end = files.get(startIndex).getFileFromOffset();
        for (int i = startIndex; i < files.size(); i++) {
            MappedFile mf = files.get(i);
            if (!mf.hold()) {
                break;
            }
            try {
                ByteBuffer view = mf.readableView();
                long from = mf.getFileFromOffset();
                while (true) {
                    RecordParser.Result r = parser.parse(view, from + view.position(), checkCrc);
                    if (r.kind() == RecordParser.Kind.MESSAGE) {
                        view.position(view.position() + r.size());
                        end = from + view.position();
                    } else if (r.kind() == RecordParser.Kind.END_OF_FILE || view.position() == mf.getFileSize()) {
                        end = from + mf.getFileSize();
                        break;
                    } else {
                        if (r.problem() != null) {
                            reason[0] = "at offset " + (from + view.position()) + ": " + r.problem();
                        }
                        return end;
                    }
                }
            } finally {
                mf.release();
            }
        }
        return end;
    }
}
