package io.apogee.client.producer;

import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.producer.ProducerEngine;
import io.apogee.client.impl.producer.TransactionEngine;
import io.apogee.common.message.Message;
import java.util.concurrent.ExecutorService;

/**
 * Sends transactional messages (flows.md §3): a half message invisible to consumers, then the
 * {@link TransactionListener}'s local transaction, then commit or rollback. Undecided messages are
 * checked back by the broker through {@link TransactionListener#checkLocalTransaction} on
 * {@link #getExecutorService()} (a single thread by default).
 *
 * <pre>{@code
 * TransactionMQProducer producer = new TransactionMQProducer("payments");
 * producer.setNamesrvAddr("127.0.0.1:9876");
 * producer.setTransactionListener(listener);
 * producer.start();
 * TransactionSendResult result = producer.sendMessageInTransaction(msg, paymentId);
 * }</pre>
 */
public class TransactionMQProducer extends DefaultMQProducer {
    private TransactionListener transactionListener;
    private ExecutorService executorService;

    public TransactionMQProducer() {
        super();
    }

    public TransactionMQProducer(String producerGroup) {
        super(producerGroup);
    }

    @Override
    protected ProducerEngine createEngine() {
        return new TransactionEngine(this);
    }

    /** Sends the half message and runs the local transaction with {@code arg}. */
    public TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException {
        return ((TransactionEngine) engine).sendMessageInTransaction(msg, arg);
    }

    public TransactionListener getTransactionListener() {
        return transactionListener;
    }

    public void setTransactionListener(TransactionListener transactionListener) {
        this.transactionListener = transactionListener;
    }

    public ExecutorService getExecutorService() {
        return executorService;
    }

    /** The executor that runs the broker's transaction checks; the producer does not shut down one set here. */
    public void setExecutorService(ExecutorService executorService) {
        this.executorService = executorService;
    }
}
