package io.apogee.broker.transaction;

import io.apogee.broker.schedule.StoreRedirect;
import io.apogee.broker.schedule.StoredMessages;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;

/**
 * A transaction's half message is parked in RMQ_SYS_TRANS_HALF_TOPIC queue 0, invisible to
 * consumers, with its real topic and queue as properties and the transaction bits cleared, until
 * the producer commits or rolls it back. A retried message that still carries TRAN_MSG is not a
 * new transaction.
 */
public final class HalfMessageRedirect implements StoreRedirect {

    @Override
    public String apply(MessageExtBrokerInner msg) {
        if (!isHalf(msg)) {
            return null;
        }
        msg.putProperty(MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        msg.putProperty(MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        String uniqKey = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (uniqKey != null && msg.getProperty(MessageConst.PROPERTY_TRANSACTION_ID) == null) {
            msg.putProperty(MessageConst.PROPERTY_TRANSACTION_ID, uniqKey);
        }
        msg.setSysFlag(MessageSysFlag.resetTransactionValue(msg.getSysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE));
        msg.setTopic(TransactionTopics.HALF);
        msg.setQueueId(0);
        StoredMessages.seal(msg);
        return null;
    }

    static boolean isHalf(MessageExtBrokerInner msg) {
        boolean flagged = Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))
                || MessageSysFlag.getTransactionValue(msg.getSysFlag()) == MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        boolean retried = msg.getReconsumeTimes() > 0 && msg.getDelayTimeLevel() > 0;
        return flagged && !retried;
    }
}
