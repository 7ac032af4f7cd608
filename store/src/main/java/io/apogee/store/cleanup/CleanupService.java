package io.apogee.store.cleanup;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.commitlog.CommitLog;
import io.apogee.store.dispatch.ReputService;
import io.apogee.store.index.IndexService;
import io.apogee.store.queue.ConsumeQueue;
import io.apogee.store.queue.ConsumeQueueStore;
import java.time.LocalTime;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reclaims disk: commit-log files older than fileReservedTime hours are deleted at the hour of
 * deleteWhen, or at once when disk use passes diskMaxUsedSpaceRatio; past
 * diskSpaceCleanForciblyRatio the oldest files go even if unexpired. Past
 * diskSpaceWarningLevelRatio the disk counts as full and puts are refused until space returns.
 * Consume-queue and index files left wholly below the commit log's start go too.
 */
public final class CleanupService implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CleanupService.class);
    private static final int MAX_FILES_PER_RUN = 10;

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final ReputService reput;
    private final DiskUsage diskUsage;
    private volatile boolean diskFull;
    private volatile double lastUsedPercent;
    private volatile boolean manualDelete;

    public CleanupService(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueStore queues,
                          IndexService index, ReputService reput, DiskUsage diskUsage) {
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.reput = reput;
        this.diskUsage = diskUsage;
    }

    public boolean isDiskFull() {
        return diskFull;
    }

    public double getLastUsedPercent() {
        return lastUsedPercent;
    }

    /** Deletes expired files on the next run regardless of deleteWhen (admin command). */
    public void requestDelete() {
        manualDelete = true;
    }

    @Override
    public void run() {
        try {
            cleanCommitLog();
            cleanQueuesAndIndex();
        } catch (RuntimeException e) {
            LOG.error("cleanup failed", e);
        }
    }

    private void cleanCommitLog() {
        double used = diskUsage.usedPercent(config.getStorePathCommitLog());
        lastUsedPercent = used;
        boolean full = used > config.getDiskSpaceWarningLevelRatio();
        if (full != diskFull) {
            diskFull = full;
            if (full) {
                LOG.error("disk {}% used, over diskSpaceWarningLevelRatio {}%: refusing new messages",
                        Math.round(used), config.getDiskSpaceWarningLevelRatio());
            } else {
                LOG.info("disk {}% used: accepting messages again", Math.round(used));
            }
        }
        boolean forcibly = config.isCleanFileForciblyEnable() && used > config.getDiskSpaceCleanForciblyRatio();
        boolean spaceShort = used > config.getDiskMaxUsedSpaceRatio();
        boolean timeUp = isDeleteHour();
        boolean manual = manualDelete;
        if (!(forcibly || spaceShort || timeUp || manual)) {
            return;
        }
        manualDelete = false;
        long now = System.currentTimeMillis();
        long expireMillis = config.getFileReservedTime() * 3_600_000L;
        long dispatched = reput.getReputFromOffset();
        int deleted = commitLog.getFiles().deleteLeading(mf ->
                mf.getFileFromOffset() + mf.getFileSize() <= dispatched
                        && (forcibly || mf.getLastModifiedTimestamp() + expireMillis < now), MAX_FILES_PER_RUN);
        if (deleted > 0) {
            LOG.info("deleted {} commit-log files (disk {}% used, forcibly={}, timeUp={}); commit log now starts at {}",
                    deleted, Math.round(used), forcibly, timeUp, commitLog.getMinOffset());
        }
    }

    private void cleanQueuesAndIndex() {
        long min = commitLog.getMinOffset();
        for (ConsumeQueue cq : queues.all()) {
            cq.deleteExpiredFiles(min);
        }
        if (index != null) {
            index.deleteExpired(min);
        }
    }

    private boolean isDeleteHour() {
        String hour = String.format("%02d", LocalTime.now().getHour());
        return Arrays.stream(config.getDeleteWhen().split(";")).map(String::trim)
                .anyMatch(h -> h.equals(hour) || (h.length() == 1 && ("0" + h).equals(hour)));
    }
}
