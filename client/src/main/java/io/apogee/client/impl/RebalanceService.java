package io.apogee.client.impl;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-assigns queues to the consumers of this instance every 20 s (system property
 * {@code rocketmq.client.rebalance.waitInterval}) and whenever {@link #wakeup()} is called.
 */
final class RebalanceService implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceService.class);
    private final long waitInterval = Long.getLong("rocketmq.client.rebalance.waitInterval", 20_000);
    /** The wait after a round that could not take every queue (an orderly lock still held by the previous owner). */
    private final long minInterval = Long.getLong("rocketmq.client.rebalance.minInterval", 1000);
    private final MQClientInstance instance;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean stopped;
    private Thread thread;

    RebalanceService(MQClientInstance instance) {
        this.instance = instance;
    }

    void start() {
        thread = new Thread(this, "RebalanceService-" + instance.getClientId());
        thread.setDaemon(true);
        thread.start();
    }

    void wakeup() {
        wakeups.release();
    }

    /** Lets a round in progress finish (its broker calls need the connections still open), then stops. */
    void shutdown() {
        stopped = true;
        wakeups.release();
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long wait = waitInterval;
        while (!stopped) {
            try {
                // Several wake-ups while a rebalance runs collapse into one more round.
                wakeups.tryAcquire(wait, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                if (!stopped) {
                    wait = instance.doRebalance() ? waitInterval : minInterval;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("rebalance round failed", e);
            }
        }
    }
}
