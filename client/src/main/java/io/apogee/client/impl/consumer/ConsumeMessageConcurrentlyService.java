package io.apogee.client.impl.consumer;

import io.apogee.client.consumer.listener.ConsumeConcurrentlyContext;
import io.apogee.client.consumer.listener.ConsumeConcurrentlyStatus;
import io.apogee.client.consumer.listener.MessageListenerConcurrently;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.body.CMResult;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.protocol.body.MessageModel;
import io.apogee.remoting.netty.NamedThreadFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the concurrent listener on the consume thread pool, in calls of up to
 * {@code consumeMessageBatchMaxSize} messages, and settles each call: offsets move past what is
 * done, failures go back to the broker for a later retry (clustering) or are dropped (broadcasting).
 * Messages whose listener call outlives {@code consumeTimeout} are sent back for retry.
 */
final class ConsumeMessageConcurrentlyService implements ConsumeMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeMessageConcurrentlyService.class);
    private static final long RESUBMIT_DELAY_MILLIS = 5000;

    private final PushConsumerEngine engine;
    private final MessageListenerConcurrently listener;
    private final ThreadPoolExecutor consumeExecutor;
    private final ScheduledExecutorService scheduler;

    ConsumeMessageConcurrentlyService(PushConsumerEngine engine, MessageListenerConcurrently listener) {
        this.engine = engine;
        this.listener = listener;
        int threads = Math.max(engine.config().getConsumeThreadMin(), 1);
        // The queue is unbounded, so the pool never grows past its core size: max = min, as in the official client.
        this.consumeExecutor = new ThreadPoolExecutor(threads, Math.max(threads, engine.config().getConsumeThreadMax()),
                60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("ConsumeMessageThread_" + engine.config().getConsumerGroup() + "_", true));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("ConsumeMessageScheduled_" + engine.config().getConsumerGroup() + "_", true));
    }

    @Override
    public void start() {
        long timeoutMinutes = engine.config().getConsumeTimeout();
        scheduler.scheduleAtFixedRate(this::sendBackExpiredMessages, timeoutMinutes, timeoutMinutes, TimeUnit.MINUTES);
    }

    @Override
    public void shutdown(long awaitTerminateMillis) {
        scheduler.shutdownNow();
        consumeExecutor.shutdown();
        try {
            if (awaitTerminateMillis > 0 && !consumeExecutor.awaitTermination(awaitTerminateMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("consume threads of {} still busy after {} ms", engine.config().getConsumerGroup(), awaitTerminateMillis);
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
        return false;
    }

    @Override
    public void submitConsumeRequest(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq, boolean dispatchToConsume) {
        int batch = Math.max(1, engine.config().getConsumeMessageBatchMaxSize());
        for (int from = 0; from < msgs.size(); from += batch) {
            List<MessageExt> chunk = new ArrayList<>(msgs.subList(from, Math.min(msgs.size(), from + batch)));
            submit(chunk, pq, mq, 0);
        }
    }

    private void submit(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq, long delayMillis) {
        try {
            if (delayMillis > 0) {
                scheduler.schedule(() -> submit(msgs, pq, mq, 0), delayMillis, TimeUnit.MILLISECONDS);
            } else {
                consumeExecutor.execute(() -> consume(msgs, pq, mq));
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("consumer {} is shutting down; {} messages of {} left for the next owner",
                    engine.config().getConsumerGroup(), msgs.size(), mq);
        }
    }

    @Override
    public ConsumeMessageDirectlyResult consumeMessageDirectly(MessageExt msg, String brokerName) {
        return DirectConsumption.run(msg, brokerName, engine.config().getConsumerGroup(), false, (msgs, mq) -> {
            ConsumeConcurrentlyStatus status = listener.consumeMessage(msgs, new ConsumeConcurrentlyContext(mq));
            if (status == null) {
                return null;
            }
            return status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS ? CMResult.CR_SUCCESS : CMResult.CR_LATER;
        });
    }

    private void consume(List<MessageExt> msgs, ProcessQueue pq, MessageQueue mq) {
        if (pq.isDropped()) {
            return;
        }
        RetryTopics.resetRetryAndStamp(msgs, engine.config().getConsumerGroup());
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(mq);
        ConsumeConcurrentlyStatus status;
        long begin = System.currentTimeMillis();
        try {
            status = listener.consumeMessage(Collections.unmodifiableList(msgs), context);
        } catch (Throwable e) {
            LOG.warn("listener of {} threw on {} messages of {}", engine.config().getConsumerGroup(), msgs.size(), mq, e);
            status = null;
        }
        engine.stats().recordConsume(mq.getTopic(), System.currentTimeMillis() - begin, msgs.size(),
                status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        if (pq.isDropped()) {
            // The queue moved to another consumer meanwhile: its new owner decides about these offsets.
            return;
        }
        settle(status == null ? ConsumeConcurrentlyStatus.RECONSUME_LATER : status, context, msgs, pq, mq);
    }

    private void settle(ConsumeConcurrentlyStatus status, ConsumeConcurrentlyContext context, List<MessageExt> msgs,
                        ProcessQueue pq, MessageQueue mq) {
        int ackIndex = status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS ? Math.min(context.getAckIndex(), msgs.size() - 1) : -1;
        List<MessageExt> failed = msgs.subList(ackIndex + 1, msgs.size());
        List<MessageExt> notSentBack = new ArrayList<>();
        if (engine.config().getMessageModel() == MessageModel.BROADCASTING) {
            failed.forEach(m -> LOG.warn("broadcast message {} failed and is dropped", m.getMsgId()));
        } else {
            for (MessageExt msg : failed) {
                if (!engine.sendMessageBack(msg, context.getDelayLevelWhenNextConsume())) {
                    msg.setReconsumeTimes(msg.getReconsumeTimes() + 1);
                    notSentBack.add(msg);
                }
            }
        }
        Set<MessageExt> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(notSentBack);
        List<MessageExt> done = msgs.stream().filter(m -> !kept.contains(m)).toList();
        long offset = pq.removeMessages(done);
        if (offset >= 0 && !pq.isDropped()) {
            engine.offsetStore().updateOffset(mq, offset, true);
        }
        if (!notSentBack.isEmpty()) {
            // Neither the broker nor the retry topic took them: consume again here a bit later.
            submit(notSentBack, pq, mq, RESUBMIT_DELAY_MILLIS);
        }
    }

    /** Listener calls stuck longer than consumeTimeout: send their messages back so the queue's offset can move on. */
    private void sendBackExpiredMessages() {
        long timeoutMillis = TimeUnit.MINUTES.toMillis(engine.config().getConsumeTimeout());
        engine.processQueues().forEach((mq, pq) -> {
            for (MessageExt msg : pq.oldestMessages(16)) {
                String started = msg.getProperty(MessageConst.PROPERTY_CONSUME_START_TIMESTAMP);
                if (started == null || System.currentTimeMillis() - Long.parseLong(started) <= timeoutMillis) {
                    break;
                }
                if (engine.sendMessageBack(msg, 3)) {
                    long offset = pq.removeMessages(List.of(msg));
                    if (offset >= 0) {
                        engine.offsetStore().updateOffset(mq, offset, true);
                    }
                }
            }
        });
    }
}
