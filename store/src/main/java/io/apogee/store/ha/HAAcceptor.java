package io.apogee.store.ha;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listens on the replication port and hands every accepted slave socket on. */
final class HAAcceptor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HAAcceptor.class);

    private final ServerSocket server;
    private final Consumer<Socket> onAccept;
    private final Thread thread;

    HAAcceptor(int port, Consumer<Socket> onAccept) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port));
        this.onAccept = onAccept;
        this.thread = new Thread(this, "apogee-ha-accept");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
        LOG.info("replication listener on port {}", port());
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void run() {
        while (!server.isClosed()) {
            try {
                onAccept.accept(server.accept());
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    LOG.warn("accepting a slave failed", e);
                }
            }
        }
    }

    void shutdown() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("closing the replication listener failed", e);
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
