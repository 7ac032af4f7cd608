package io.apogee.store.util;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named background loop that sleeps until woken or until its interval passes. Wakeups are
 * coalesced: waking an already-woken thread costs one volatile read.
 */
public abstract class ServiceThread implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceThread.class);

    private final AtomicBoolean notified = new AtomicBoolean(false);
    private volatile boolean stopped;
    private volatile Thread thread;

    protected abstract String name();

    /** One iteration of work; called repeatedly until stopped. */
    protected abstract void doWork() throws Exception;

    /** Last work after the stop request, e.g. a final flush. */
    protected void onShutdown() {
    }

    public void start() {
        Thread t = new Thread(this, name());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public final void run() {
        LOG.debug("{} started", name());
        while (!stopped) {
            try {
                doWork();
            } catch (Throwable e) {
                LOG.error("{} iteration failed", name(), e);
                waitForRunning(100);
            }
        }
        try {
            onShutdown();
        } catch (Throwable e) {
            LOG.error("{} shutdown work failed", name(), e);
        }
        LOG.debug("{} stopped", name());
    }

    public void shutdown() {
        stopped = true;
        wakeup();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    public void wakeup() {
        if (!notified.get() && notified.compareAndSet(false, true)) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Parks up to {@code intervalMillis} unless a wakeup is pending; clears the pending wakeup. */
    protected void waitForRunning(long intervalMillis) {
        if (notified.compareAndSet(true, false)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        while (!stopped && !notified.get()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        notified.set(false);
    }
}
