package io.apogee.store;

import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The storage engine: one commit log holding every message, a consume queue per topic-queue,
 * a key index, and the services that flush, dispatch, recover and clean them.
 *
 * <p>Offsets: "queue offset" is the index of a message in its consume queue (0, 1, 2, ...);
 * "physical offset" is the byte position of its record in the commit log.
 */
public interface MessageStore {

    /** Recovers from disk (after a crash if the abort file is present) and starts all services. */
    void start() throws IOException;

    /** Stops accepting puts, drains dispatch, flushes everything and removes the abort file. */
    void shutdown();

    /**
     * Appends one message. The store assigns queue offset, physical offset and store timestamp
     * (written into the record, not into {@code msg}). The future completes once the message is
     * appended (ASYNC_FLUSH) or fsynced (SYNC_FLUSH, when {@code msg.isWaitStoreMsgOK()}); it
     * never completes exceptionally: failures are statuses.
     *
     * <p>Required: topic, queueId, body, propertiesString (wire form, written verbatim),
     * bornHost, storeHost. Used as given: flag, tagsCode, bornTimestamp, sysFlag,
     * reconsumeTimes, preparedTransactionOffset.
     */
    CompletableFuture<PutMessageResult> putMessage(MessageExtBrokerInner msg);

    /**
     * Appends a batch (body = SEND_BATCH_MESSAGE body) as consecutive messages of one queue,
     * all or none. Each record keeps its own properties; the batch's properties string is
     * appended to each record's except for keys the record already has.
     */
    CompletableFuture<PutMessageResult> putMessages(MessageExtBatch batch);

    /**
     * Reads up to {@code maxMsgNums} messages (and about {@code maxTotalBytes}; at least one if any
     * matches) from {@code offset}. Every returned buffer must be released by the caller
     * ({@link GetMessageResult#release()}).
     */
    GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                int maxTotalBytes, MessageFilter filter);

    /** The message whose record starts at this physical offset, or null. */
    MessageExt lookMessageByOffset(long commitLogOffset);

    /** Same, when the record size is known (from a consume-queue entry). */
    MessageExt lookMessageByOffset(long commitLogOffset, int size);

    /** The raw record at this physical offset, or null; caller releases. */
    ByteBuf selectOneMessageByOffset(long commitLogOffset);

    /** Messages of {@code topic} indexed under {@code key} (KEYS entry or UNIQ_KEY), store time in [begin, end]. */
    QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end);

    /** The first queue offset whose store time is at or after {@code timestamp} (max offset if none). */
    long getOffsetInQueueByTime(String topic, int queueId, long timestamp);

    /** Store time of the first message still in the queue, or -1. */
    long getEarliestMessageTime(String topic, int queueId);

    /** Store time of the first message still in the commit log, or -1. */
    long getEarliestMessageTime();

    /** Store time of the message at this queue offset, or -1. */
    long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset);

    long getMinOffsetInQueue(String topic, int queueId);

    /** The next queue offset to be written, i.e. the number of messages ever dispatched to the queue. */
    long getMaxOffsetInQueue(String topic, int queueId);

    /** Physical offset of the message at this queue offset, or 0 if absent. */
    long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset);

    long getMinPhyOffset();

    /** Physical offset just past the last appended record. */
    long getMaxPhyOffset();

    /** Bytes appended to the commit log but not yet dispatched to consume queues. */
    long dispatchBehindBytes();

    /** Called for every dispatched message (long polling hooks in here). */
    void addDispatchListener(MessageArrivingListener listener);

    StoreStats getStats();

    /** Removes the consume queues of these topics (their commit-log records age out normally). */
    void deleteTopics(Set<String> topics);

    /** Removes consume queues of every topic not in {@code retainTopics}; returns how many queues went. */
    int cleanUnusedTopic(Set<String> retainTopics);

    MessageStoreConfig getMessageStoreConfig();

    /**
     * Replica path: appends raw commit-log bytes that start exactly at {@code startOffset}, which
     * must equal {@link #getMaxPhyOffset()}. The bytes are dispatched like locally written ones.
     * Returns false when the offset does not line up.
     */
    boolean appendToCommitLog(long startOffset, ByteBuffer data);

    /** The port slaves replicate from, or -1 when this store does not listen for them. */
    default int getHaListenPort() {
        return -1;
    }

    /** A slave: the master's replication address ({@code host:haPort}) to follow; a master ignores it. */
    default void updateHaMasterAddress(String haMasterAddress) {
    }
}
