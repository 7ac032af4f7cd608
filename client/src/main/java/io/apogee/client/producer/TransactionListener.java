package io.apogee.client.producer;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageExt;

/** The producer's side of a transactional message. */
public interface TransactionListener {
    /**
     * Runs the local transaction after the half message was stored; its result commits or rolls back
     * the message. Throwing counts as UNKNOW.
     */
    LocalTransactionState executeLocalTransaction(Message msg, Object arg);

    /** Called when the broker asks about a half message still undecided (after UNKNOW, a crash or a lost answer). */
    LocalTransactionState checkLocalTransaction(MessageExt msg);
}
