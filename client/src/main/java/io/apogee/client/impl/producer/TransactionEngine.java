package io.apogee.client.impl.producer;

import io.apogee.client.exception.MQClientException;
import io.apogee.client.producer.LocalTransactionState;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.client.producer.TransactionListener;
import io.apogee.client.producer.TransactionMQProducer;
import io.apogee.client.producer.TransactionSendResult;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageIds;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.protocol.header.EndTransactionRequestHeader;
import io.apogee.remoting.netty.NamedThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Half-message send, local transaction, END_TRANSACTION, and answers to the broker's checks (flows.md §3). */
public final class TransactionEngine extends ProducerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionEngine.class);
    private static final long END_TRANSACTION_TIMEOUT = 3000;
    private ExecutorService checkExecutor;
    private boolean ownsCheckExecutor;

    public TransactionEngine(TransactionMQProducer producer) {
        super(producer);
    }

    private TransactionMQProducer txProducer() {
        return (TransactionMQProducer) producer;
    }

    @Override
    public synchronized void start() throws MQClientException {
        checkExecutor = txProducer().getExecutorService();
        ownsCheckExecutor = checkExecutor == null;
        if (ownsCheckExecutor) {
            checkExecutor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000),
                    new NamedThreadFactory("TransactionCheck_" + producer.getProducerGroup() + "_", true));
        }
        super.start();
    }

    @Override
    public synchronized void shutdown() {
        super.shutdown();
        if (ownsCheckExecutor && checkExecutor != null) {
            checkExecutor.shutdownNow();
        }
    }

    public TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException {
        checkRunning();
        TransactionListener listener = txProducer().getTransactionListener();
        if (listener == null) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "transactionListener is null: set one before sending transactions");
        }
        // Delayed delivery and transactions do not mix: the half message must not be scheduled.
        msg.clearProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        msg.putProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        msg.putProperty(MessageConst.PROPERTY_PRODUCER_GROUP, producer.getProducerGroup());
        SendResult sent;
        try {
            sent = send(msg, producer.getSendMsgTimeout());
        } catch (MQClientException e) {
            throw e;
        } catch (Exception e) {
            throw new MQClientException("sending the half message failed", e);
        }
        LocalTransactionState state = LocalTransactionState.ROLLBACK_MESSAGE;
        Throwable localError = null;
        if (sent.getSendStatus() == SendStatus.SEND_OK) {
            if (sent.getTransactionId() != null) {
                msg.putProperty(MessageConst.PROPERTY_TRANSACTION_ID, sent.getTransactionId());
            }
            msg.setTransactionId(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
            try {
                state = listener.executeLocalTransaction(msg, arg);
                if (state == null) {
                    state = LocalTransactionState.UNKNOW;
                }
            } catch (Throwable e) {
                LOG.warn("local transaction of {} threw; the broker will check back", sent.getMsgId(), e);
                state = LocalTransactionState.UNKNOW;
                localError = e;
            }
        }
        endTransaction(sent, state, localError);
        TransactionSendResult result = new TransactionSendResult();
        result.setSendStatus(sent.getSendStatus());
        result.setMsgId(sent.getMsgId());
        result.setOffsetMsgId(sent.getOffsetMsgId());
        result.setMessageQueue(sent.getMessageQueue());
        result.setQueueOffset(sent.getQueueOffset());
        result.setTransactionId(sent.getTransactionId());
        result.setLocalTransactionState(state);
        return result;
    }

    private void endTransaction(SendResult sent, LocalTransactionState state, Throwable localError) {
        String brokerName = sent.getMessageQueue().getBrokerName();
        String addr = instance.findBrokerAddressInPublish(brokerName);
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setProducerGroup(producer.getProducerGroup());
        header.setTranStateTableOffset(sent.getQueueOffset());
        header.setCommitLogOffset(MessageIds.decodeOffsetMessageId(sent.getOffsetMsgId()).offset());
        header.setCommitOrRollback(commitOrRollback(state));
        header.setFromTransactionCheck(false);
        header.setMsgId(sent.getMsgId());
        header.setTransactionId(sent.getTransactionId());
        header.setBname(brokerName);
        String remark = localError == null ? null : "executeLocalTransactionBranch exception: " + localError;
        try {
            instance.getMQClientAPI().endTransactionOneway(addr, header, remark, END_TRANSACTION_TIMEOUT);
        } catch (Exception e) {
            LOG.warn("END_TRANSACTION for {} not sent ({}); the broker will check back", sent.getMsgId(), e.toString());
        }
    }

    private static int commitOrRollback(LocalTransactionState state) {
        return switch (state) {
            case COMMIT_MESSAGE -> MessageSysFlag.TRANSACTION_COMMIT_TYPE;
            case ROLLBACK_MESSAGE -> MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            case UNKNOW -> MessageSysFlag.TRANSACTION_NOT_TYPE;
        };
    }

    @Override
    public void checkTransactionState(String brokerAddr, MessageExt msg, CheckTransactionStateRequestHeader check) {
        try {
            checkExecutor.execute(() -> answerCheck(brokerAddr, msg, check));
        } catch (RejectedExecutionException e) {
            LOG.warn("transaction check of {} dropped: check executor full or stopped", msg.getTransactionId());
        }
    }

    private void answerCheck(String brokerAddr, MessageExt msg, CheckTransactionStateRequestHeader check) {
        LocalTransactionState state;
        String remark = null;
        try {
            state = txProducer().getTransactionListener().checkLocalTransaction(msg);
            if (state == null) {
                state = LocalTransactionState.UNKNOW;
            }
        } catch (Throwable e) {
            state = LocalTransactionState.UNKNOW;
            remark = "checkLocalTransactionState Exception: " + e;
        }
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setProducerGroup(producer.getProducerGroup());
        header.setTranStateTableOffset(check.getTranStateTableOffset());
        header.setCommitLogOffset(check.getCommitLogOffset());
        header.setCommitOrRollback(commitOrRollback(state));
        header.setFromTransactionCheck(true);
        String uniqKey = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        header.setMsgId(uniqKey != null ? uniqKey : check.getMsgId());
        header.setTransactionId(check.getTransactionId());
        header.setBname(check.getBname());
        try {
            instance.getMQClientAPI().endTransactionOneway(brokerAddr, header, remark, END_TRANSACTION_TIMEOUT);
        } catch (Exception e) {
            LOG.warn("answer to the transaction check of {} not sent: {}", header.getMsgId(), e.toString());
        }
    }
}
