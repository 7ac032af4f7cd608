package io.apogee.broker.transaction;

import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageIds;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.remoting.netty.NamedThreadFactory;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.GetMessageResult;
import io.apogee.store.MessageFilter;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks producers about transactions they left open. Every check interval it walks the half queue
 * from where it stopped last time: half messages named by an op record are done; one stored less than
 * transactionTimeOut ago ends the walk, as all after it are younger still; one whose producer asked
 * for a longer first delay (CHECK_IMMUNITY_TIME_IN_SECONDS) is queued again unchecked until that has
 * passed since it was born; any other is queued again with one more check counted and its producer
 * group is asked, about that new copy, with CHECK_TRANSACTION_STATE (when none of its producers is
 * online it is queued again uncounted). After transactionCheckMax checks a half message is moved to
 * TRANS_CHECK_MAX_TIME_TOPIC and forgotten. How far the walk got
 * (on both internal topics) is kept as consumer offsets of CID_RMQ_SYS_TRANS, so a restart goes on
 * from there.
 */
public final class TransactionCheckService {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionCheckService.class);
    private static final int BATCH = 32;

    private final HalfMessageStore halves;
    private final ConsumerOffsetManager offsets;
    private final TransactionConfig config;
    private final TransactionCheckSender sender;
    private final RecentOutcomes outcomes;
    private final String brokerName;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("TransactionCheckService"));

    TransactionCheckService(HalfMessageStore halves, ConsumerOffsetManager offsets, TransactionConfig config,
                            TransactionCheckSender sender, RecentOutcomes outcomes, String brokerName) {
        this.halves = halves;
        this.offsets = offsets;
        this.config = config;
        this.sender = sender;
        this.outcomes = outcomes;
        this.brokerName = brokerName;
    }

    public void start() {
        long interval = config.transactionCheckInterval();
        executor.scheduleWithFixedDelay(this::checkSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("transaction check failed", e);
        }
    }

    /** One walk over the half queue; returns how many producers were asked. */
    synchronized int check() {
        MessageStore store = halves.store();
        long halfEnd = store.getMaxOffsetInQueue(TransactionTopics.HALF, 0);
        long halfOffset = progress(TransactionTopics.HALF);
        long opOffset = progress(TransactionTopics.OP);
        List<long[]> ops = readOps(opOffset);
        Set<Long> done = new HashSet<>();
        ops.forEach(op -> done.add(op[1]));

        int asked = 0;
        long now = System.currentTimeMillis();
        walk:
        while (halfOffset < halfEnd) {
            GetMessageResult result = store.getMessage(TransactionTopics.CHECK_GROUP, TransactionTopics.HALF, 0, halfOffset,
                    BATCH, Integer.MAX_VALUE, MessageFilter.ALL);
            try {
                if (result.getMessageCount() == 0) {
                    halfOffset = Math.max(halfOffset + 1, result.getNextBeginOffset());
                    continue;
                }
                for (int i = 0; i < result.getMessageCount(); i++) {
                    long queueOffset = result.getMessageQueueOffset().get(i);
                    if (queueOffset >= halfEnd) {
                        break walk;
                    }
                    if (!done.contains(queueOffset)) {
                        MessageExt half = MessageCodec.decode(result.getMessageBufferList().get(i).nioBuffer(), true, false);
                        if (half != null && now - half.getStoreTimestamp() < config.transactionTimeOut()) {
                            break walk;
                        }
                        if (half != null && !outcomes.isDecided(EndTransactionProcessor.transactionKey(half))) {
                            if (done.contains(longProperty(half, MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET))) {
                                // A requeued copy whose original the producer has since resolved.
                                LOG.debug("half message {} was resolved through its original", queueOffset);
                            } else if (now - half.getBornTimestamp() < ownImmunity(half)) {
                                // Not due yet by its own longer immunity; it must not hold up the ones behind it.
                                requeue(half, checkTimes(half));
                            } else {
                                asked += checkOne(half, now) ? 1 : 0;
                            }
                        }
                    }
                    halfOffset = queueOffset + 1;
                }
            } finally {
                result.release();
            }
        }
        offsets.commitOffset(TransactionTopics.CHECK_GROUP, TransactionTopics.HALF, 0, halfOffset);
        offsets.commitOffset(TransactionTopics.CHECK_GROUP, TransactionTopics.OP, 0, opProgress(ops, opOffset, halfOffset));
        return asked;
    }

    /**
     * Requeues and asks about one open half message; false when it was given up or no producer is online.
     * A walk that finds no producer of the group connected (a broker just restarted, before the
     * producers' heartbeats; an application being redeployed) asked nobody, so it does not count
     * towards transactionCheckMax: the half message just waits, at most producerWaitMax after its birth.
     */
    private boolean checkOne(MessageExt half, long now) {
        int checks = checkTimes(half);
        if (checks >= config.transactionCheckMax()) {
            giveUp(half, "was checked " + checks + " times without an answer");
            return false;
        }
        String group = half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        Consumer<RemotingCommand> producer = group == null ? null : sender.producerOf(group);
        if (producer == null) {
            if (now - half.getBornTimestamp() > config.producerWaitMax()) {
                giveUp(half, "found no producer online for " + config.producerWaitMax() + " ms");
            } else {
                LOG.info("no producer of group {} online to check transaction {}", group,
                        half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
                requeue(half, checks);
            }
            return false;
        }
        PutMessageResult requeued = requeue(half, checks + 1);
        half.putProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checks + 1));
        half.setCommitLogOffset(requeued.getAppendMessageResult().getWroteOffset());
        half.setQueueOffset(requeued.getAppendMessageResult().getLogicsOffset());
        half.setMsgId(requeued.getAppendMessageResult().getMsgId());
        producer.accept(checkRequest(half));
        return true;
    }

    private PutMessageResult requeue(MessageExt half, int checkTimes) {
        PutMessageResult requeued = halves.requeue(half, checkTimes);
        if (!requeued.isOk()) {
            throw new IllegalStateException("cannot requeue half message: " + requeued);
        }
        return requeued;
    }

    private void giveUp(MessageExt half, String why) {
        PutMessageResult moved = halves.discard(half);
        LOG.warn("half message {} of group {} (topic {}) {}; moved to {}: {}",
                half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX),
                half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP), half.getProperty(MessageConst.PROPERTY_REAL_TOPIC),
                why, TransactionTopics.CHECK_MAX_TIME, moved.getPutMessageStatus());
    }

    private RemotingCommand checkRequest(MessageExt half) {
        CheckTransactionStateRequestHeader header = new CheckTransactionStateRequestHeader();
        header.setCommitLogOffset(half.getCommitLogOffset());
        header.setTranStateTableOffset(half.getQueueOffset());
        String uniqKey = half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        header.setMsgId(uniqKey);
        String transactionId = half.getProperty(MessageConst.PROPERTY_TRANSACTION_ID);
        header.setTransactionId(transactionId != null ? transactionId : uniqKey);
        header.setOffsetMsgId(MessageIds.createOffsetMessageId(half.getStoreHost(), half.getCommitLogOffset()));
        header.setBname(brokerName);
        // The producer sees the message as it sent it: real topic and queue.
        MessageExt shown = half;
        shown.setTopic(half.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        shown.setQueueId(intProperty(half, MessageConst.PROPERTY_REAL_QUEUE_ID, 0));
        return RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE, header).setBody(MessageCodec.encode(shown));
    }

    /** The first-check delay the producer asked for (CHECK_IMMUNITY_TIME_IN_SECONDS), before any check; else 0. */
    private static long ownImmunity(MessageExt half) {
        int seconds = intProperty(half, MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, -1);
        return seconds > 0 && checkTimes(half) == 0 ? seconds * 1000L : 0;
    }

    private static int checkTimes(MessageExt half) {
        return intProperty(half, MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, 0);
    }

    /** Op records from {@code from}: pairs of (op queue offset, half queue offset), in op order. */
    private List<long[]> readOps(long from) {
        MessageStore store = halves.store();
        long end = store.getMaxOffsetInQueue(TransactionTopics.OP, 0);
        List<long[]> ops = new ArrayList<>();
        long offset = from;
        while (offset < end) {
            GetMessageResult result = store.getMessage(TransactionTopics.CHECK_GROUP, TransactionTopics.OP, 0, offset, BATCH,
                    Integer.MAX_VALUE, MessageFilter.ALL);
            try {
                if (result.getMessageCount() == 0) {
                    offset = Math.max(offset + 1, result.getNextBeginOffset());
                    continue;
                }
                for (int i = 0; i < result.getMessageCount(); i++) {
                    ByteBuf record = result.getMessageBufferList().get(i);
                    MessageExt op = MessageCodec.decode(record.nioBuffer(), true, false);
                    long opQueueOffset = result.getMessageQueueOffset().get(i);
                    if (op != null && op.getBody() != null) {
                        // 5.x may list several half offsets in one op record.
                        for (String part : new String(op.getBody(), StandardCharsets.UTF_8).split(",")) {
                            try {
                                ops.add(new long[] {opQueueOffset, Long.parseLong(part.trim())});
                            } catch (NumberFormatException e) {
                                LOG.warn("op record {} has a bad body '{}'", opQueueOffset, part);
                            }
                        }
                    }
                    offset = opQueueOffset + 1;
                }
            } finally {
                result.release();
            }
        }
        return ops;
    }

    /**
     * The op offset the next walk may start from: past every op record that only names half messages
     * before {@code halfProgress}; the first one naming a later half message must be read again.
     */
    private static long opProgress(List<long[]> ops, long opOffset, long halfProgress) {
        long progress = opOffset;
        for (long[] op : ops) {
            if (op[1] >= halfProgress) {
                return op[0];
            }
            progress = op[0] + 1;
        }
        return progress;
    }

    private long progress(String topic) {
        long offset = offsets.queryOffset(TransactionTopics.CHECK_GROUP, topic, 0);
        return offset < 0 ? halves.store().getMinOffsetInQueue(topic, 0) : offset;
    }

    /** The property as a long, or -1 when absent or not a number. */
    private static long longProperty(MessageExt msg, String name) {
        String value = msg.getProperty(name);
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int intProperty(MessageExt msg, String name, int absent) {
        String value = msg.getProperty(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
