package io.apogee.broker.transaction;

import io.apogee.broker.processor.Responses;
import io.apogee.broker.schedule.RedirectingPut;
import io.apogee.broker.schedule.StoredMessages;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.EndTransactionRequestHeader;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.PutMessageResult;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (oneway from the producer): COMMIT copies the half message to its real topic
 * and queue, where consumers see it; ROLLBACK publishes nothing; both then write an op record so
 * the checker stops asking. UNKNOWN leaves it to the checker. The request must name the half
 * message exactly (group, queue offset and commit-log offset), else SYSTEM_ERROR.
 */
public class EndTransactionProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(EndTransactionProcessor.class);

    private final HalfMessageStore halves;
    private final RedirectingPut put;
    private final RecentOutcomes outcomes;

    EndTransactionProcessor(HalfMessageStore halves, RedirectingPut put, RecentOutcomes outcomes) {
        this.halves = halves;
        this.put = put;
        this.outcomes = outcomes;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws Exception {
        EndTransactionRequestHeader header = request.readCustomHeader(EndTransactionRequestHeader.class);
        int decision = header.getCommitOrRollback() == null ? MessageSysFlag.TRANSACTION_NOT_TYPE : header.getCommitOrRollback();
        if (Boolean.TRUE.equals(header.getFromTransactionCheck())) {
            LOG.info("transaction {} of group {} answered after a check: {}", header.getTransactionId(), header.getProducerGroup(),
                    decision);
        }
        if (decision != MessageSysFlag.TRANSACTION_COMMIT_TYPE && decision != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return CompletableFuture.completedFuture(null);
        }
        MessageExt half = halves.read(header.getCommitLogOffset());
        String problem = half == null ? "Find prepared transaction message failed" : mismatch(half, header);
        if (problem != null) {
            LOG.warn("END_TRANSACTION refused: {} ({})", problem, header.getMsgId());
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR, problem));
        }
        boolean commit = decision == MessageSysFlag.TRANSACTION_COMMIT_TYPE;
        if (!outcomes.decide(transactionKey(half), commit) || !commit) {
            return markDone(request, half);
        }
        return put.put(committed(half)).thenCompose(result -> {
            if (result.isOk()) {
                return markDone(request, half);
            }
            // Not published, so a later answer (after a check) must be able to try again.
            outcomes.forget(transactionKey(half));
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR, remark(result)));
        });
    }

    private CompletableFuture<RemotingCommand> markDone(RemotingCommand request, MessageExt half) {
        return halves.markDone(half).thenApply(result -> result.isOk()
                ? Responses.success(request)
                : Responses.error(request, ResponseCode.SYSTEM_ERROR, remark(result)));
    }

    private static String mismatch(MessageExt half, EndTransactionRequestHeader header) {
        if (!TransactionTopics.HALF.equals(half.getTopic())) {
            return "The message at commit log offset " + header.getCommitLogOffset() + " is not a half message";
        }
        if (!String.valueOf(header.getProducerGroup()).equals(half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP))) {
            return "The producer group wrong";
        }
        if (header.getTranStateTableOffset() == null || half.getQueueOffset() != header.getTranStateTableOffset()) {
            return "The transaction state table offset wrong";
        }
        if (half.getCommitLogOffset() != header.getCommitLogOffset()) {
            return "The commit log offset wrong";
        }
        if (half.getProperty(MessageConst.PROPERTY_REAL_TOPIC) == null || half.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID) == null) {
            return "The half message does not name its real topic and queue";
        }
        return null;
    }

    static String transactionKey(MessageExt half) {
        String id = half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        return id != null ? id : half.getProperty(MessageConst.PROPERTY_TRANSACTION_ID);
    }

    /** The message consumers will see: real topic and queue, COMMIT type, pointing back at its half message. */
    private static MessageExtBrokerInner committed(MessageExt half) {
        MessageExtBrokerInner msg = StoredMessages.copyOf(half);
        StoredMessages.restoreRealDestination(msg);
        msg.clearProperty(MessageConst.PROPERTY_REAL_TOPIC);
        msg.clearProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
        msg.clearProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED);
        msg.clearProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
        msg.clearProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET);
        msg.setSysFlag(MessageSysFlag.resetTransactionValue(half.getSysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE));
        msg.setPreparedTransactionOffset(half.getCommitLogOffset());
        msg.setWaitStoreMsgOK(false);
        StoredMessages.seal(msg);
        return msg;
    }

    private static String remark(PutMessageResult result) {
        return result.getRemark() != null ? result.getRemark() : result.getPutMessageStatus().name();
    }
}
