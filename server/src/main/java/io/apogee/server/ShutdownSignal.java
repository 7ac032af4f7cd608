package io.apogee.server;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server subcommand alive until the JVM is asked to stop (SIGTERM, Ctrl-C), then runs the
 * server's shutdown inside the JVM's shutdown hook so it completes before the process exits.
 */
public final class ShutdownSignal {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);

    private ShutdownSignal() {
    }

    /** Blocks the calling thread until shutdown; {@code shutdown} has run by the time the JVM exits. */
    public static void awaitThenRun(String serverName, Runnable shutdown) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down {}", serverName);
            try {
                shutdown.run();
            } finally {
                stopped.countDown();
            }
        }, serverName + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
