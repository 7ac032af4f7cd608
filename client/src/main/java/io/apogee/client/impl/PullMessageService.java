package io.apogee.client.impl;

import io.apogee.remoting.netty.NamedThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs pull requests for push consumers. Pulls are asynchronous, so one thread issues them all;
 * the consumer re-submits a request when its response has been handled.
 */
public final class PullMessageService {
    private final ScheduledExecutorService executor;

    PullMessageService(MQClientInstance instance) {
        this.executor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("PullMessageService-" + instance.getClientId(), true));
    }

    public void executeImmediately(Runnable pull) {
        executeLater(pull, 0);
    }

    public void executeLater(Runnable pull, long delayMillis) {
        try {
            executor.schedule(pull, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: pending pulls are simply dropped.
        }
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
