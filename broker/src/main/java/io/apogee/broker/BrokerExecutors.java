package io.apogee.broker;

import io.apogee.remoting.netty.NamedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The broker's request thread pools, one per kind of work so a flood of one kind (sends) cannot
 * starve another (heartbeats). Queues are bounded: when one is full the remoting layer answers
 * SYSTEM_BUSY "[REJECTREQUEST]" instead of queueing without end.
 */
public final class BrokerExecutors {
    private final ThreadPoolExecutor send;
    private final ThreadPoolExecutor pull;
    private final ThreadPoolExecutor query;
    private final ThreadPoolExecutor clientManage;
    private final ThreadPoolExecutor consumerManage;
    private final ThreadPoolExecutor admin;
    private final List<ThreadPoolExecutor> all = new ArrayList<>();

    public BrokerExecutors(BrokerConfig config) {
        send = pool("SendMessageThread", config.getSendMessageThreadPoolNums(), new ArrayBlockingQueue<>(config.getSendThreadPoolQueueCapacity()));
        pull = pool("PullMessageThread", config.getPullMessageThreadPoolNums(), new ArrayBlockingQueue<>(config.getPullThreadPoolQueueCapacity()));
        query = pool("QueryMessageThread", config.getQueryMessageThreadPoolNums(), new ArrayBlockingQueue<>(config.getQueryThreadPoolQueueCapacity()));
        clientManage = pool("ClientManageThread", config.getClientManageThreadPoolNums(),
                new LinkedBlockingQueue<>(config.getClientManagerThreadPoolQueueCapacity()));
        consumerManage = pool("ConsumerManageThread", config.getConsumerManageThreadPoolNums(),
                new LinkedBlockingQueue<>(config.getConsumerManagerThreadPoolQueueCapacity()));
        admin = pool("AdminBrokerThread", config.getAdminBrokerThreadPoolNums(), new LinkedBlockingQueue<>());
    }

    private ThreadPoolExecutor pool(String name, int threads, BlockingQueue<Runnable> queue) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue,
                new NamedThreadFactory(name + "_"));
        all.add(executor);
        return executor;
    }

    public ThreadPoolExecutor send() {
        return send;
    }

    public ThreadPoolExecutor pull() {
        return pull;
    }

    public ThreadPoolExecutor query() {
        return query;
    }

    public ExecutorService clientManage() {
        return clientManage;
    }

    public ExecutorService consumerManage() {
        return consumerManage;
    }

    public ExecutorService admin() {
        return admin;
    }

    public void shutdown() {
        all.forEach(ExecutorService::shutdown);
        for (ExecutorService executor : all) {
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
    }
}
