package io.apogee.broker.transaction;

/** Names of the internal topics and group of transactions (message.md §12). */
public final class TransactionTopics {
    public static final String HALF = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String OP = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String CHECK_MAX_TIME = "TRANS_CHECK_MAX_TIME_TOPIC";
    /** Internal consumer group whose offsets on HALF and OP record how far the checker got. */
    public static final String CHECK_GROUP = "CID_RMQ_SYS_TRANS";
    /** Tag of an op record: the half message it names is done (committed or rolled back). */
    public static final String REMOVE_TAG = "d";

    private TransactionTopics() {
    }
}
