package io.apogee.broker.transaction;

import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.schedule.RedirectingPut;
import io.apogee.remoting.RequestProcessor;

/** The transaction machinery of one broker: END_TRANSACTION processing and the check-back service, sharing their state. */
public final class TransactionalMessages {
    private final EndTransactionProcessor endTransactionProcessor;
    private final TransactionCheckService checkService;

    public TransactionalMessages(RedirectingPut put, ConsumerOffsetManager offsets, TransactionConfig config,
                                 TransactionCheckSender sender, String brokerName) {
        HalfMessageStore halves = new HalfMessageStore(put.store());
        RecentOutcomes outcomes = new RecentOutcomes();
        this.endTransactionProcessor = new EndTransactionProcessor(halves, put, outcomes);
        this.checkService = new TransactionCheckService(halves, offsets, config, sender, outcomes, brokerName);
    }

    public RequestProcessor endTransactionProcessor() {
        return endTransactionProcessor;
    }

    public void start() {
        checkService.start();
    }

    public void shutdown() {
        checkService.shutdown();
    }

    /** Runs one check walk now (tests and operators); returns how many producers were asked. */
    public int checkNow() {
        return checkService.check();
    }
}
