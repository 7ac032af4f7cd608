package io.apogee.client.impl.consumer;

import io.apogee.client.consumer.listener.ConsumeOrderlyContext;
import io.apogee.client.consumer.listener.ConsumeOrderlyStatus;
import io.apogee.client.consumer.listener.MessageListenerOrderly;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.CMResult;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.protocol.body.MessageModel;
import io.apogee.remoting.netty.NamedThreadFactory;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the orderly listener: at most one thread per queue at a time, messages in offset order, and
 * (clustering) only while this client holds the queue's broker lock, renewed every 20 s. A failed
 * batch suspends the queue for a moment and is delivered again before anything after it.
 */
final class ConsumeMessageOrderlyService implements ConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageOrderlyService.class);
    private static final long LOCK_RENEW_INTERVAL = Long.getLong("rocketmq.client.rebalance.lockInterval", 20_000);
    /** A queue gives its thread back after this long, so one busy queue cannot starve the others. */
    private static final long MAX_TIME_CONSUME_CONTINUOUSLY = 60_000;
    private static final long DELAY_WHEN_NOT_LOCKED = 1000;

    private final PushConsumerEngine engine;
    private final MessageListenerOrderly listener;
    private final ThreadPoolExecutor consumeExecutor;
    private final ScheduledExecutorService scheduler;
    private final ConcurrentMap<MessageQueue, Object> queueLocks = new ConcurrentHashMap<>();

    ConsumeMessageOrderlyService(PushConsumerEngine engine, MessageListenerOrderly listener) {
        this.engine = engine;
        this.listener = listener;
        int threads = Math.max(engine.config().getConsumeThreadMin(), 1);
        this.consumeExecutor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("ConsumeMessageThread_" + engine.config().getConsumerGroup() + "_", true));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("ConsumeMessageScheduled_" + engine.config().getConsumerGroup() + "_", true));
    }

    private boolean clustering() {
        return engine.config().getMessageModel() == MessageModel.CLUSTERING;
    }

    @Override
    public void start() {
        if (clustering()) {
            scheduler.scheduleAtFixedRate(() -> {
                if (engine.isRunning()) {
                    engine.rebalance().lockAll();
                }
            }, 1000, LOCK_RENEW_INTERVAL, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        scheduler.shutdownNow();
        consumeExecutor.shutdown();
        try {
            if (awaitTerminateMillis > 0) {
                consumeExecutor.awaitTermination(awaitTerminateMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumeExecutor.shutdownNow();
    }

    @Override
    public int corePoolSize() {
        return consumeExecutor.getCorePoolSize();
    }

    @Override
    public boolean orderly() {
        return true;
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq, boolean dispatchToConsume) {
        if (dispatchToConsume) {
            submit(pq, mq, 0);
        }
    }

    private void submit(ProcessQueue pq, MessageQueue mq, long delayMillis) {
        try {
            if (delayMillis > 0) {
                scheduler.schedule(() -> submit(pq, mq, 0), delayMillis, TimeUnit.MILLISECONDS);
            } else {
                consumeExecutor.execute(() -> consume(pq, mq));
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("consumer {} is shutting down; {} stays where it is", engine.config().getConsumerGroup(), mq);
        }
    }

    private void consume(ProcessQueue pq, MessageQueue mq) {
        if (pq.isDropped()) {
            return;
        }
        synchronized (queueLocks.computeIfAbsent(mq, k -> new Object())) {
            long begin = System.currentTimeMillis();
            while (!pq.isDropped()) {
                if (clustering() && (!pq.isLocked() || pq.isLockExpired())) {
                    submit(pq, mq, DELAY_WHEN_NOT_LOCKED);
                    return;
                }
                if (System.currentTimeMillis() - begin > MAX_TIME_CONSUME_CONTINUOUSLY) {
                    submit(pq, mq, 10);
                    return;
                }
                List<MessageExt> msgs = pq.takeMessages(engine.config().getConsumeMessageBatchMaxSize());
                if (msgs.isEmpty()) {
                    return;
                }
                if (!consumeBatch(msgs, pq, mq)) {
                    return;
                }
            }
        }
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        boolean[] autoCommit = {true};
        ConsumeMessageDirectlyResult result = DirectConsumption.run(msg, brokerName, engine.config().getConsumerGroup(), true, (msgs, mq) -> {
            ConsumeOrderlyContext context = new ConsumeOrderlyContext(mq);
            ConsumeOrderlyStatus status = listener.consumeMessage(msgs, context);
            autoCommit[0] = context.isAutoCommit();
            if (status == null) {
                return null;
            }
            return switch (status) {
                case SUCCESS -> CMResult.CR_SUCCESS;
                case COMMIT -> CMResult.CR_COMMIT;
                case ROLLBACK -> CMResult.CR_ROLLBACK;
                case SUSPEND_CURRENT_QUEUE_A_MOMENT -> CMResult.CR_LATER;
            };
        });
        result.setAutoCommit(autoCommit[0]);
        return result;
    }

    /** One listener call and its settlement; false when the queue is suspended and must stop for now. */
    private boolean consumeBatch(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq) {
        RetryTopics.resetRetryAndStamp(msgs, engine.config().getConsumerGroup());
        ConsumeOrderlyContext context = new ConsumeOrderlyContext(mq);
        ConsumeOrderlyStatus status = null;
        long begin = System.currentTimeMillis();
        pq.consumeLock().lock();
        try {
            if (pq.isDropped()) {
                return false;
            }
            status = listener.consumeMessage(Collections.unmodifiableList(msgs), context);
        } catch (Throwable e) {
            LOG.warn("orderly listener of {} threw on {}", engine.config().getConsumerGroup(), mq, e);
        } finally {
            pq.consumeLock().unlock();
        }
        if (status == null) {
            status = ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
        }
        engine.stats().recordConsume(mq.getTopic(), System.currentTimeMillis() - begin, msgs.size(),
                status != ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT);
        return settle(status, context, msgs, pq, mq);
    }

    private boolean settle(ConsumeOrderlyStatus status, ConsumeOrderlyContext context, List<MessageExt> msgs,
                           ProcessQueue pq, MessageQueue mq) {
        boolean suspend = status == ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT
                || (status == ConsumeOrderlyStatus.ROLLBACK && !context.isAutoCommit());
        long commitOffset = -1;
        if (suspend && retryLocally(msgs)) {
            pq.makeMessagesToConsumeAgain(msgs);
            long delay = context.getSuspendCurrentQueueTimeMillis() >= 0
                    ? context.getSuspendCurrentQueueTimeMillis() : engine.config().getSuspendCurrentQueueTimeMillis();
            submit(pq, mq, Math.max(10, delay));
        } else if (context.isAutoCommit() || status == ConsumeOrderlyStatus.COMMIT || suspend) {
            commitOffset = pq.commit();
        }
        if (commitOffset >= 0 && !pq.isDropped()) {
            engine.offsetStore().updateOffset(mq, commitOffset, false);
        }
        return !suspend || commitOffset >= 0;
    }

    /**
     * True when the batch should be delivered again here. Past {@code maxReconsumeTimes} (when set)
     * messages go to the retry topic (the broker sends them to the DLQ) and the queue moves on.
     */
    private boolean retryLocally(List<MessageExt> msgs) {
        if (engine.config().getMaxReconsumeTimes() < 0) {
            msgs.forEach(m -> m.setReconsumeTimes(m.getReconsumeTimes() + 1));
            return true;
        }
        boolean again = false;
        for (MessageExt msg : msgs) {
            if (msg.getReconsumeTimes() >= engine.config().getMaxReconsumeTimes()) {
                if (!engine.sendMessageBack(msg, -1)) {
                    again = true;
                    msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
                }
            } else {
                again = true;
                msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
            }
        }
        return again;
    }
}
