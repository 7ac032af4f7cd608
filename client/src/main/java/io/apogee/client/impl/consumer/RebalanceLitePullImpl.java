package io.apogee.client.impl.consumer;

import io.apogee.common.message.MessageQueue;
import java.util.List;

/** Rebalance of a subscribing lite-pull consumer: added queues start background pulls, removed ones commit and stop. */
final class RebalanceLitePullImpl extends RebalanceImpl {
    private final LitePullConsumerEngine engine;

    RebalanceLitePullImpl(LitePullConsumerEngine engine) {
        super(engine.config().getConsumerGroup(), engine.instance(), engine.config().getMessageModel(),
                engine.config().getAllocateMessageQueueStrategy(), engine.subscriptionTable());
        this.engine = engine;
    }

    @Override
    protected boolean removeUnnecessaryMessageQueue(MessageQueue mq, ProcessQueue pq) {
        engine.stopQueue(mq);
        return true;
    }

    @Override
    protected long computePullFromWhere(MessageQueue mq) {
        return engine.startOffset(mq);
    }

    @Override
    protected void startQueues(List<PullRequest> requests) {
        requests.forEach(r -> engine.startQueue(r.getMessageQueue(), r.getProcessQueue(), r.getNextOffset()));
    }
}
