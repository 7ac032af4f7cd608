package io.apogee.store;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.cleanup.CleanupService;
import io.apogee.store.cleanup.DiskUsage;
import io.apogee.store.commitlog.CommitLog;
import io.apogee.store.dispatch.DelayLevels;
import io.apogee.store.dispatch.RecordParser;
import io.apogee.store.dispatch.ReputService;
import io.apogee.store.ha.HAService;
import io.apogee.store.index.IndexService;
import io.apogee.store.queue.ConsumeQueue;
import io.apogee.store.queue.ConsumeQueueFlushService;
import io.apogee.store.queue.ConsumeQueueStore;
import io.apogee.store.recovery.RecoveryProcedure;
import io.apogee.store.recovery.StoreCheckpoint;
import io.apogee.store.stats.StoreMetrics;
import io.netty.buffer.ByteBuf;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store, assembled: owns the commit log, consume queues, index, checkpoint and the threads
 * that flush, dispatch and clean them. Construct, {@link #start()}, use, {@link #shutdown()}.
 */
public final class DefaultMessageStore implements MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMessageStore.class);

    private final MessageStoreConfig config;
    private final DiskUsage diskUsage;
    private final StoreMetrics metrics = new StoreMetrics();
    private StoreCheckpoint checkpoint;
    private CommitLog commitLog;
    private ConsumeQueueStore queues;
    private IndexService index;
    private ReputService reput;
    private ConsumeQueueFlushService queueFlusher;
    private CleanupService cleanup;
    private MessageReader reader;
    private HAService ha;
    private ScheduledExecutorService scheduler;
    private RecoveryProcedure.Outcome recovery;
    private volatile boolean running;

    public DefaultMessageStore(MessageStoreConfig config) {
        this(config, DiskUsage.FILE_SYSTEM);
    }

    public DefaultMessageStore(MessageStoreConfig config, DiskUsage diskUsage) {
        this.config = config;
        this.diskUsage = diskUsage;
    }

    @Override
    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        File root = new File(config.getStorePathRootDir());
        Files.createDirectories(root.toPath());
        Files.createDirectories(new File(config.getStorePathConfig()).toPath());
        File abort = new File(config.getAbortFile());
        boolean crashed = abort.exists();

        checkpoint = new StoreCheckpoint(new File(config.getStoreCheckpoint()));
        commitLog = new CommitLog(config, checkpoint, metrics);
        queues = new ConsumeQueueStore(new File(config.getStorePathConsumeQueue()), config.getMappedFileSizeConsumeQueue());
        index = config.isMessageIndexEnable() ? new IndexService(config, checkpoint::setIndexMsgTimestamp) : null;
        RecordParser parser = new RecordParser(new DelayLevels(config.getMessageDelayLevel()),
                config.getMappedFileSizeCommitLog());
        reput = new ReputService(commitLog, queues, index, parser);

        commitLog.load();
        queues.load();
        if (index != null) {
            index.load();
        }
        recovery = new RecoveryProcedure(config, commitLog, queues, index, checkpoint, parser, reput).recover(crashed);

        Files.write(abort.toPath(), new byte[0]);
        queueFlusher = new ConsumeQueueFlushService(queues, index, reput, checkpoint, config);
        cleanup = new CleanupService(config, commitLog, queues, index, reput, diskUsage);
        reader = new MessageReader(commitLog, queues, index, metrics, config.getMaxMsgsNumBatch(),
                PhysicalMemory.total() / 100 * config.getAccessMessageInMemoryMaxRatio());
        commitLog.start();
        reput.start();
        queueFlusher.start();
        ha = new HAService(config, commitLog);
        ha.start();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apogee-store-scheduler");
            t.setDaemon(true);
            return t;
        });
        cleanup.run();
        scheduler.scheduleWithFixedDelay(cleanup, config.getCleanResourceInterval(), config.getCleanResourceInterval(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(metrics::sample, 1, 1, TimeUnit.SECONDS);
        running = true;
        LOG.info("store open at {}: commit log [{}, {}), {} consume queues", root, commitLog.getMinOffset(),
                commitLog.getMaxOffset(), queues.all().size());
    }

    @Override
    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        ha.shutdown();
        scheduler.shutdownNow();
        commitLog.shutdown();
        reput.shutdown();
        queueFlusher.shutdown();
        if (index != null) {
            index.shutdown();
        }
        queues.shutdown();
        commitLog.close();
        checkpoint.shutdown();
        try {
            Files.deleteIfExists(new File(config.getAbortFile()).toPath());
        } catch (IOException e) {
            LOG.warn("could not delete the abort file; the next start will run crash recovery", e);
        }
        LOG.info("store at {} shut down cleanly", config.getStorePathRootDir());
    }

    /** What the last recovery did (for logs and tests). */
    public RecoveryProcedure.Outcome getRecoveryOutcome() {
        return recovery;
    }

    private PutMessageResult refusal(MessageExtBrokerInner msg) {
        if (!running) {
            return PutMessageResult.failure(PutMessageStatus.SERVICE_NOT_AVAILABLE, "store is not running");
        }
        if (config.getBrokerRole() == BrokerRole.SLAVE) {
            return PutMessageResult.failure(PutMessageStatus.SERVICE_NOT_AVAILABLE, "a slave does not accept messages");
        }
        if (cleanup.isDiskFull()) {
            return PutMessageResult.failure(PutMessageStatus.SERVICE_NOT_AVAILABLE, String.format(
                    "disk full: %.1f%% used, over diskSpaceWarningLevelRatio %d%%", cleanup.getLastUsedPercent(),
                    config.getDiskSpaceWarningLevelRatio()));
        }
        if (commitLog.isOsPageCacheBusy()) {
            return PutMessageResult.failure(PutMessageStatus.OS_PAGE_CACHE_BUSY, "os page cache busy");
        }
        if (msg.getTopic() == null || msg.getTopic().isEmpty() || msg.getTopic().length() > Short.MAX_VALUE) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, "bad topic");
        }
        if (msg.getQueueId() < 0) {
            return PutMessageResult.failure(PutMessageStatus.MESSAGE_ILLEGAL, "negative queue id " + msg.getQueueId());
        }
        return null;
    }

    @Override
    public CompletableFuture<PutMessageResult> putMessage(MessageExtBrokerInner msg) {
        PutMessageResult refused = refusal(msg);
        return refused != null ? CompletableFuture.completedFuture(refused) : ha.afterPut(msg, commitLog.putMessage(msg));
    }

    @Override
    public CompletableFuture<PutMessageResult> putMessages(MessageExtBatch batch) {
        PutMessageResult refused = refusal(batch);
        return refused != null ? CompletableFuture.completedFuture(refused) : ha.afterPut(batch, commitLog.putMessages(batch));
    }

    @Override
    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                       int maxTotalBytes, MessageFilter filter) {
        if (!running) {
            return GetMessageResult.of(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, offset, 0, 0);
        }
        return reader.getMessage(topic, queueId, offset, maxMsgNums, maxTotalBytes,
                filter == null ? MessageFilter.ALL : filter);
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset) {
        return reader.lookMessageByOffset(commitLogOffset, -1);
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset, int size) {
        return reader.lookMessageByOffset(commitLogOffset, size);
    }

    @Override
    public ByteBuf selectOneMessageByOffset(long commitLogOffset) {
        return commitLog.selectRecord(commitLogOffset);
    }

    @Override
    public QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        return reader.queryMessage(topic, key, maxNum, begin, end);
    }

    @Override
    public long getOffsetInQueueByTime(String topic, int queueId, long timestamp) {
        return reader.offsetInQueueByTime(topic, queueId, timestamp);
    }

    @Override
    public long getEarliestMessageTime(String topic, int queueId) {
        return reader.storeTimestampInQueue(topic, queueId, getMinOffsetInQueue(topic, queueId));
    }

    @Override
    public long getEarliestMessageTime() {
        long min = commitLog.getMinOffset();
        ByteBuf record = commitLog.selectRecord(min);
        if (record == null) {
            return -1;
        }
        try {
            return StoredRecords.storeTimestamp(record.nioBuffer());
        } finally {
            record.release();
        }
    }

    @Override
    public long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset) {
        return reader.storeTimestampInQueue(topic, queueId, consumeQueueOffset);
    }

    @Override
    public long getMinOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? 0 : cq.getMinOffsetInQueue();
    }

    @Override
    public long getMaxOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? 0 : cq.getMaxOffsetInQueue();
    }

    @Override
    public long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue cq = queues.find(topic, queueId);
        long[] e = cq == null ? null : cq.entry(consumeQueueOffset);
        return e == null ? 0 : e[0];
    }

    @Override
    public long getMinPhyOffset() {
        return commitLog.getMinOffset();
    }

    @Override
    public long getMaxPhyOffset() {
        return commitLog.getMaxOffset();
    }

    @Override
    public long dispatchBehindBytes() {
        return reput.behindBytes();
    }

    @Override
    public void addDispatchListener(MessageArrivingListener listener) {
        reput.addListener(listener);
    }

    @Override
    public StoreStats getStats() {
        var latency = metrics.putLatency();
        return new StoreStats(metrics.putTimes(), metrics.putBytes(), metrics.putTps(), latency.percentile(0.5),
                latency.percentile(0.99), latency.percentile(0.999), latency.max(), metrics.getFound(),
                metrics.getMiss(), reput.behindBytes(), commitLog.getMinOffset(), commitLog.getMaxOffset(),
                cleanup.getLastUsedPercent());
    }

    @Override
    public void deleteTopics(Set<String> topics) {
        for (String topic : topics) {
            queues.deleteTopic(topic);
            commitLog.removeQueueOffsets(topic);
        }
    }

    @Override
    public int cleanUnusedTopic(Set<String> retainTopics) {
        int removed = 0;
        for (String topic : new HashSet<>(queues.topics())) {
            if (!retainTopics.contains(topic) && !RecordParser.SCHEDULE_TOPIC.equals(topic)) {
                removed += queues.deleteTopic(topic);
                commitLog.removeQueueOffsets(topic);
            }
        }
        return removed;
    }

    @Override
    public MessageStoreConfig getMessageStoreConfig() {
        return config;
    }

    @Override
    public boolean appendToCommitLog(long startOffset, ByteBuffer data) {
        return running && commitLog.appendData(startOffset, data);
    }

    @Override
    public int getHaListenPort() {
        return ha == null ? -1 : ha.listenPort();
    }

    @Override
    public void updateHaMasterAddress(String haMasterAddress) {
        if (ha != null) {
            ha.updateMasterAddress(haMasterAddress);
        }
    }

    /** Replication state (connected slaves, acknowledged offset); null before the first start. */
    public HAService getHaService() {
        return ha;
    }

    /** Runs one cleanup pass now (tests and admin commands). */
    public void cleanNow() {
        cleanup.requestDelete();
        cleanup.run();
    }

    /** Commit-log offset up to which data is on disk. */
    public long getFlushedPhyOffset() {
        return commitLog.getFlushedWhere();
    }

    /** Decodes the record bytes of a get/query result; a convenience for tests and tools. */
    public static MessageExt decode(ByteBuf record) {
        return MessageCodec.decode(record.nioBuffer(), true, false);
    }
}
