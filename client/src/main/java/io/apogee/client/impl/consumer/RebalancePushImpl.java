package io.apogee.client.impl.consumer;

import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.MessageModel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Rebalance of a push consumer: new queues start pull loops, removed queues commit their offset (and unlock). */
final class RebalancePushImpl extends RebalanceImpl {
    private final PushConsumerEngine engine;

    RebalancePushImpl(PushConsumerEngine engine) {
        super(engine.config().getConsumerGroup(), engine.instance(), engine.config().getMessageModel(),
                engine.config().getAllocateMessageQueueStrategy(), engine.subscriptionTable());
        this.engine = engine;
    }

    @Override
    protected boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        engine.offsetStore().persist(mq);
        engine.offsetStore().removeOffset(mq);
        if (engine.consumeOrderly() && engine.config().getMessageModel() == MessageModel.CLUSTERING) {
            try {
                // Do not unlock while a batch of this queue is in the listener: another consumer would start it over.
                if (!pq.consumeLock().tryLock(1, TimeUnit.SECONDS)) {
                    return false;
                }
                try {
                    unlock(mq.getBrokerName(), Set.of(mq), true);
                } finally {
                    pq.consumeLock().unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    protected long computePullFromWhere(MessageQueue mq) {
        return OffsetBootstrap.startOffset(instance, engine.offsetStore(), mq, engine.config().getConsumeFromWhere(),
                engine.config().getConsumeTimestamp());
    }

    @Override
    protected void startQueues(List<PullRequest> requests) {
        for (PullRequest request : requests) {
            engine.offsetStore().updateOffset(request.getMessageQueue(), request.getNextOffset(), false);
            engine.executePullImmediately(request);
        }
    }
}
