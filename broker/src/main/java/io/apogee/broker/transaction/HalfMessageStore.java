package io.apogee.broker.transaction;

import io.apogee.broker.schedule.StoredMessages;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.MessageStore;
import io.apogee.store.PutMessageResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Reads and writes the two internal topics of transactions: half messages and op records. An op
 * record (tag "d", body = half queue offset) says "this half message is done"; nothing is ever
 * deleted, the checker just skips what an op record names.
 */
final class HalfMessageStore {
    private final MessageStore store;

    HalfMessageStore(MessageStore store) {
        this.store = store;
    }

    MessageStore store() {
        return store;
    }

    MessageExt read(long commitLogOffset) {
        return StoredMessages.read(store, commitLogOffset);
    }

    CompletableFuture<PutMessageResult> markDone(MessageExt half) {
        MessageExtBrokerInner op = new MessageExtBrokerInner();
        op.setTopic(TransactionTopics.OP);
        op.setQueueId(0);
        op.setBody(String.valueOf(half.getQueueOffset()).getBytes(StandardCharsets.UTF_8));
        op.putProperty(MessageConst.PROPERTY_TAGS, TransactionTopics.REMOVE_TAG);
        op.setBornTimestamp(System.currentTimeMillis());
        op.setBornHost(half.getStoreHost());
        op.setStoreHost(half.getStoreHost());
        StoredMessages.seal(op);
        return store.putMessage(op);
    }

    /** Queues the half message again (at the end) with one more check counted. */
    PutMessageResult requeue(MessageExt half, int checkTimes) {
        MessageExtBrokerInner copy = StoredMessages.copyOf(half);
        copy.putProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checkTimes));
        if (copy.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET) == null) {
            copy.putProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET, String.valueOf(half.getQueueOffset()));
        }
        StoredMessages.seal(copy);
        return store.putMessage(copy).join();
    }

    /** Gives up on a half message checked too often: it is kept in TRANS_CHECK_MAX_TIME_TOPIC for operators. */
    PutMessageResult discard(MessageExt half) {
        MessageExtBrokerInner copy = StoredMessages.copyOf(half);
        copy.setTopic(TransactionTopics.CHECK_MAX_TIME);
        copy.setQueueId(0);
        StoredMessages.seal(copy);
        return store.putMessage(copy).join();
    }
}
