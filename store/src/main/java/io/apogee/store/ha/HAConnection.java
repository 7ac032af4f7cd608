package io.apogee.store.ha;

import io.apogee.store.MessageStoreConfig;
import io.apogee.store.commitlog.CommitLog;
import io.apogee.store.file.ReadRegion;
import io.apogee.store.util.ServiceThread;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's end of one slave connection: a reader thread takes the slave's offset reports, a
 * writer thread streams the commit log from the first reported offset. Either side failing, or the
 * slave staying silent for haHousekeepingInterval, closes the whole connection; the slave reconnects.
 */
final class HAConnection {
    private static final Logger LOG = LoggerFactory.getLogger(HAConnection.class);
    /** How often an idle writer looks for bytes that became readable without a wakeup (transient store pool commits). */
    private static final long IDLE_POLL_MILLIS = 100;

    private final Socket socket;
    private final String remote;
    private final CommitLog log;
    private final MessageStoreConfig config;
    private final LongConsumer onAck;
    private final Consumer<HAConnection> onClose;
    private final Thread reader;
    private final Writer writer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long slaveRequestOffset = -1;
    private volatile long slaveAckOffset = -1;

    HAConnection(Socket socket, CommitLog log, MessageStoreConfig config, LongConsumer onAck, Consumer<HAConnection> onClose) {
        this.socket = socket;
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
        this.log = log;
        this.config = config;
        this.onAck = onAck;
        this.onClose = onClose;
        this.reader = new Thread(this::readReports, "apogee-ha-read-" + remote);
        reader.setDaemon(true);
        this.writer = new Writer();
    }

    void start() throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(config.getHaHousekeepingInterval());
        reader.start();
        writer.start();
        LOG.info("slave {} connected", remote);
    }

    /** The highest offset the slave has reported holding, -1 before its first report. */
    long slaveAckOffset() {
        return slaveAckOffset;
    }

    String remote() {
        return remote;
    }

    /** New commit-log bytes may be readable. */
    void wakeup() {
        writer.wakeup();
    }

    private void readReports() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (!closed.get()) {
                long offset = in.readLong();
                slaveAckOffset = offset;
                if (slaveRequestOffset < 0) {
                    slaveRequestOffset = offset;
                    LOG.info("slave {} asks for the commit log from {}", remote, offset);
                    writer.wakeup();
                }
                onAck.accept(offset);
            }
        } catch (SocketTimeoutException e) {
            LOG.warn("slave {} silent for {} ms, closing", remote, config.getHaHousekeepingInterval());
        } catch (EOFException e) {
            LOG.info("slave {} disconnected", remote);
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.warn("reading from slave {} failed: {}", remote, e.toString());
            }
        }
        close();
    }

    /** Idempotent; safe from either thread of this connection and from the owner. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing slave socket {}", remote, e);
        }
        writer.shutdown();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        onClose.accept(this);
    }

    /** Streams frames; a frame body never crosses a commit-log file, as on RocketMQ. */
    private final class Writer extends ServiceThread {
        private final byte[] frame = new byte[HAFrames.TRANSFER_HEADER_SIZE + config.getHaTransferBatchSize()];
        private long nextOffset = -1;
        private long lastWrite = System.currentTimeMillis();

        @Override
        protected String name() {
            return "apogee-ha-write-" + remote;
        }

        @Override
        protected void doWork() {
            if (slaveRequestOffset < 0) {
                waitForRunning(IDLE_POLL_MILLIS);
                return;
            }
            if (nextOffset < 0) {
                nextOffset = startOffset(slaveRequestOffset);
                LOG.info("sending the commit log to slave {} from {}", remote, nextOffset);
            }
            try {
                if (sendSome()) {
                    return;
                }
                if (System.currentTimeMillis() - lastWrite >= config.getHaSendHeartbeatInterval()) {
                    write(0);
                }
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.warn("writing to slave {} failed: {}", remote, e.toString());
                }
                // close() joins this thread's ServiceThread, which skips the join on itself
                close();
                return;
            }
            waitForRunning(IDLE_POLL_MILLIS);
        }

        /** A slave with nothing starts at the master's last file (older files may be gone); else where it stands. */
        private long startOffset(long requested) {
            if (requested > 0) {
                return requested;
            }
            long max = log.getMaxOffset();
            return max - max % log.getFiles().getFileSize();
        }

        private boolean sendSome() throws IOException {
            int size;
            try (ReadRegion region = log.readFrom(nextOffset)) {
                if (region == null || !region.buffer().hasRemaining()) {
                    return false;
                }
                ByteBuffer data = region.buffer();
                size = Math.min(data.remaining(), config.getHaTransferBatchSize());
                data.get(data.position(), frame, HAFrames.TRANSFER_HEADER_SIZE, size);
            }
            write(size);
            nextOffset += size;
            return true;
        }

        private void write(int bodySize) throws IOException {
            ByteBuffer.wrap(frame, 0, HAFrames.TRANSFER_HEADER_SIZE).putLong(nextOffset).putInt(bodySize);
            OutputStream out = socket.getOutputStream();
            out.write(frame, 0, HAFrames.TRANSFER_HEADER_SIZE + bodySize);
            out.flush();
            lastWrite = System.currentTimeMillis();
        }
    }
}
