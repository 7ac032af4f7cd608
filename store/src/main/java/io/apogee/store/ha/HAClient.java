package io.apogee.store.ha;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.commitlog.CommitLog;
import io.apogee.store.util.ServiceThread;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's replication loop: connects to the master's HA port, reports its commit-log max offset
 * (at once, after every appended frame, and every haSendHeartbeatInterval), and appends the bytes the
 * master streams at exactly the offsets the master names. Any mismatch or silence closes the
 * connection; the loop reconnects and resumes from the local max offset.
 */
final class HAClient extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(HAClient.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;
    private static final long RECONNECT_DELAY_MILLIS = 5000;
    /** Reads wake at least this often so heartbeats and housekeeping run on an idle connection. */
    private static final int READ_TIMEOUT_MILLIS = 1000;

    private final CommitLog log;
    private final MessageStoreConfig config;
    private volatile String masterAddress;
    private Socket socket;
    private String connectedTo;
    private byte[] buffer;
    private int filled;
    private long lastRead;
    private long lastReport;
    private long reportedOffset;

    HAClient(CommitLog log, MessageStoreConfig config) {
        this.log = log;
        this.config = config;
        this.buffer = new byte[HAFrames.TRANSFER_HEADER_SIZE + Math.max(config.getHaTransferBatchSize(), 64 * 1024)];
    }

    @Override
    protected String name() {
        return "apogee-ha-client";
    }

    /** {@code host:port} of the master's replication listener; a change drops the current connection. */
    void updateMasterAddress(String address) {
        if (address != null && !address.equals(masterAddress)) {
            LOG.info("replicating from master {} (was {})", address, masterAddress);
            masterAddress = address;
            wakeup();
        }
    }

    String masterAddress() {
        return masterAddress;
    }

    @Override
    protected void doWork() {
        String address = masterAddress;
        if (socket != null && !socket.isClosed() && address.equals(connectedTo)) {
            transfer();
            return;
        }
        disconnect();
        if (address == null || !connect(address)) {
            waitForRunning(RECONNECT_DELAY_MILLIS);
        }
    }

    private boolean connect(String address) {
        int colon = address.lastIndexOf(':');
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
                    CONNECT_TIMEOUT_MILLIS);
            s.setTcpNoDelay(true);
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot connect to master {}: {}", address, e.toString());
            closeQuietly(s);
            return false;
        }
        socket = s;
        connectedTo = address;
        filled = 0;
        lastRead = System.currentTimeMillis();
        LOG.info("connected to master {}, local commit log ends at {}", address, log.getMaxOffset());
        return report(log.getMaxOffset());
    }

    private void transfer() {
        long now = System.currentTimeMillis();
        if (now - lastReport >= config.getHaSendHeartbeatInterval() && !report(reportedOffset)) {
            return;
        }
        int n;
        try {
            InputStream in = socket.getInputStream();
            n = in.read(buffer, filled, buffer.length - filled);
        } catch (SocketTimeoutException e) {
            n = 0;
        } catch (IOException e) {
            LOG.warn("reading from master {} failed: {}", connectedTo, e.toString());
            disconnect();
            return;
        }
        if (n < 0) {
            LOG.info("master {} closed the connection", connectedTo);
            disconnect();
            return;
        }
        if (n > 0) {
            filled += n;
            lastRead = System.currentTimeMillis();
            if (!applyFrames()) {
                disconnect();
                return;
            }
        }
        if (System.currentTimeMillis() - lastRead > config.getHaHousekeepingInterval()) {
            LOG.warn("master {} silent for {} ms, reconnecting", connectedTo, config.getHaHousekeepingInterval());
            disconnect();
        }
    }

    /** Appends every complete frame in the buffer, keeps the partial tail; false on a protocol error. */
    private boolean applyFrames() {
        ByteBuffer view = ByteBuffer.wrap(buffer, 0, filled);
        int start = 0;
        while (filled - start >= HAFrames.TRANSFER_HEADER_SIZE) {
            long masterOffset = view.getLong(start);
            int size = view.getInt(start + 8);
            long localOffset = log.getMaxOffset();
            if (localOffset != 0 && localOffset != masterOffset) {
                LOG.error("master {} sends offset {} but the local commit log ends at {}", connectedTo, masterOffset, localOffset);
                return false;
            }
            if (size < 0 || size > config.getMappedFileSizeCommitLog()) {
                LOG.error("master {} sends a frame of {} bytes", connectedTo, size);
                return false;
            }
            int frameLength = HAFrames.TRANSFER_HEADER_SIZE + size;
            if (filled - start < frameLength) {
                ensureCapacity(frameLength);
                break;
            }
            if (size > 0 && !log.appendData(masterOffset, ByteBuffer.wrap(buffer, start + HAFrames.TRANSFER_HEADER_SIZE, size))) {
                return false;
            }
            start += frameLength;
        }
        System.arraycopy(buffer, start, buffer, 0, filled - start);
        filled -= start;
        long max = log.getMaxOffset();
        return max <= reportedOffset || report(max);
    }

    /** A master may batch more than we do (its haTransferBatchSize); grow to hold one whole frame. */
    private void ensureCapacity(int frameLength) {
        if (frameLength > buffer.length) {
            byte[] bigger = new byte[frameLength];
            System.arraycopy(buffer, 0, bigger, 0, filled);
            buffer = bigger;
        }
    }

    private boolean report(long offset) {
        try {
            byte[] report = new byte[HAFrames.REPORT_SIZE];
            ByteBuffer.wrap(report).putLong(offset);
            socket.getOutputStream().write(report);
            socket.getOutputStream().flush();
            reportedOffset = offset;
            lastReport = System.currentTimeMillis();
            return true;
        } catch (IOException e) {
            LOG.warn("reporting offset {} to master {} failed: {}", offset, connectedTo, e.toString());
            disconnect();
            return false;
        }
    }

    private void disconnect() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
            connectedTo = null;
            filled = 0;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing socket", e);
        }
    }

    @Override
    protected void onShutdown() {
        disconnect();
    }
}
