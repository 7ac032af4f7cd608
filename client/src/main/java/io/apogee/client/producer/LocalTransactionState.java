package io.apogee.client.producer;

/** What the local transaction decided for a half message. */
public enum LocalTransactionState {
    /** Make the message visible to consumers. */
    COMMIT_MESSAGE,
    /** Discard the message. */
    ROLLBACK_MESSAGE,
    /** Not decided yet: the broker will ask again through {@link TransactionListener#checkLocalTransaction}. */
    UNKNOW
}
