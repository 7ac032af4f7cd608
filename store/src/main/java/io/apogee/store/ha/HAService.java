package io.apogee.store.ha;

import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.BrokerRole;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.commitlog.CommitLog;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master-slave replication of the commit log, RocketMQ's classic way. Every store may listen on
 * haListenPort for slaves (one {@link HAConnection} each); a SLAVE also runs an {@link HAClient}
 * towards its master. On a SYNC_MASTER a put that waits for storage also waits for a slave.
 */
public final class HAService {
    private static final Logger LOG = LoggerFactory.getLogger(HAService.class);

    private final MessageStoreConfig config;
    private final CommitLog log;
    private final List<HAConnection> connections = new CopyOnWriteArrayList<>();
    private final SlaveAckWaiters waiters = new SlaveAckWaiters();
    private HAAcceptor acceptor;
    private HAClient client;
    private volatile boolean running;

    public HAService(MessageStoreConfig config, CommitLog log) {
        this.config = config;
        this.log = log;
    }

    public void start() throws IOException {
        running = true;
        if (config.getHaListenPort() >= 0) {
            acceptor = new HAAcceptor(config.getHaListenPort(), this::accepted);
            acceptor.start();
        }
        if (config.getBrokerRole() == BrokerRole.SLAVE) {
            client = new HAClient(log, config);
            client.updateMasterAddress(config.getHaMasterAddress());
            client.start();
        }
    }

    public void shutdown() {
        running = false;
        if (client != null) {
            client.shutdown();
        }
        if (acceptor != null) {
            acceptor.shutdown();
        }
        connections.forEach(HAConnection::close);
        waiters.failAll();
    }

    private void accepted(Socket socket) {
        HAConnection connection = new HAConnection(socket, log, config, waiters::acknowledged, connections::remove);
        try {
            connections.add(connection);
            connection.start();
        } catch (IOException e) {
            LOG.warn("cannot serve slave {}", connection.remote(), e);
            connection.close();
        }
        if (!running) {
            connection.close();
        }
    }

    /** The port slaves connect to, or -1 when this store does not listen. */
    public int listenPort() {
        return acceptor == null ? -1 : acceptor.port();
    }

    /** A slave: where to replicate from ({@code host:haPort}). Ignored by a master. */
    public void updateMasterAddress(String address) {
        if (client != null) {
            client.updateMasterAddress(address);
        }
    }

    /** The master this slave replicates from, or null. */
    public String masterAddress() {
        return client == null ? null : client.masterAddress();
    }

    /** Slaves connected now. */
    public int connectionCount() {
        return connections.size();
    }

    /** The highest commit-log offset any slave has reported holding. */
    public long slaveAckOffset() {
        return waiters.acked();
    }

    /** RocketMQ's rule: a slave is connected and lags by less than haMaxGapNotInSync. */
    public boolean isSlaveOK(long masterPutWhere) {
        return !connections.isEmpty() && masterPutWhere - waiters.acked() < config.getHaMaxGapNotInSync();
    }

    /**
     * Called with every put's future: wakes the senders, and on a SYNC_MASTER makes a put that
     * waits for storage also wait for a slave (SLAVE_NOT_AVAILABLE when none is in sync,
     * FLUSH_SLAVE_TIMEOUT after slaveTimeout).
     */
    public CompletableFuture<PutMessageResult> afterPut(MessageExtBrokerInner msg, CompletableFuture<PutMessageResult> put) {
        connections.forEach(HAConnection::wakeup);
        if (config.getBrokerRole() != BrokerRole.SYNC_MASTER || !CommitLog.waitStoreMsgOK(msg)) {
            return put;
        }
        return put.thenCompose(this::awaitSlave);
    }

    private CompletableFuture<PutMessageResult> awaitSlave(PutMessageResult stored) {
        var appended = stored.getAppendMessageResult();
        if (appended == null) {
            return CompletableFuture.completedFuture(stored);
        }
        long end = appended.getWroteOffset() + appended.getWroteBytes();
        if (!isSlaveOK(end)) {
            return CompletableFuture.completedFuture(new PutMessageResult(PutMessageStatus.SLAVE_NOT_AVAILABLE, appended));
        }
        return waiters.await(end, config.getSlaveTimeout()).thenApply(status ->
                status == PutMessageStatus.PUT_OK ? stored : new PutMessageResult(status, appended));
    }
}
