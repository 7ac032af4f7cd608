package io.apogee.tools.message;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.impl.RouteConverter;
import io.apogee.client.impl.consumer.PullAPIWrapper;
import io.apogee.client.impl.consumer.PullAPIWrapper.PullSpec;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.header.PullSysFlag;
import io.apogee.tools.AdminSession;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Reads messages of a queue from a given offset, the way the official tool's pull consumer does:
 * one pull at a time, no long polling, no offset committed, so no group's progress moves.
 */
final class QueueReader {
    /** The group the official tools read with when none is given. */
    static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
    private static final int SYS_FLAG = PullSysFlag.build(false, false, true, false, false);

    private final AdminSession session;
    private final PullAPIWrapper puller;

    QueueReader(AdminSession session, String consumerGroup) {
        this.session = session;
        this.puller = new PullAPIWrapper(session.client(), consumerGroup);
    }

    /** The topic's readable queues, in order. */
    NavigableSet<MessageQueue> queues(String topic) throws Exception {
        return new TreeSet<>(RouteConverter.toSubscribeInfo(topic, admin().examineTopicRouteInfo(topic)));
    }

    /** Up to {@code maxNums} messages from {@code offset} on, of those matching the tag expression. */
    PullResult pull(MessageQueue mq, String tagExpression, long offset, int maxNums) throws Exception {
        SubscriptionData sub = SubscriptionData.of(mq.getTopic(), tagExpression, SubscriptionData.EXPRESSION_TAG);
        PullSpec spec = new PullSpec(RequestCode.PULL_MESSAGE, SYS_FLAG, 0, maxNums, 0, session.timeoutMillis());
        try {
            return puller.pull(mq, sub, offset, spec).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** How a read of an offset range ended: the last pull's status, where it stopped, how many messages it handed over. */
    record RangeEnd(PullStatus status, long nextOffset, long messages) {
    }

    /**
     * Reads {@code [from, to)} of the queue in batches of up to {@code batch}, handing each batch of
     * matching messages to {@code sink}, until {@code to}, {@code limit} messages, or the queue's end.
     */
    RangeEnd readRange(MessageQueue mq, String tagExpression, long from, long to, long limit, int batch, Consumer<List<MessageExt>> sink)
            throws Exception {
        long offset = from;
        long handed = 0;
        PullStatus status = PullStatus.NO_NEW_MSG;
        while (offset < to && handed < limit) {
            PullResult result = pull(mq, tagExpression, offset, (int) Math.min(batch, Math.min(to - offset, limit - handed)));
            status = result.getPullStatus();
            if (status == PullStatus.NO_NEW_MSG || status == PullStatus.OFFSET_ILLEGAL || result.getNextBeginOffset() <= offset) {
                break;
            }
            offset = result.getNextBeginOffset();
            if (status == PullStatus.FOUND) {
                List<MessageExt> found = result.getMsgFoundList();
                List<MessageExt> kept = found.size() > limit - handed ? found.subList(0, (int) (limit - handed)) : found;
                sink.accept(kept);
                handed += kept.size();
            }
        }
        return new RangeEnd(status, offset, handed);
    }

    long minOffset(MessageQueue mq) throws Exception {
        return admin().minOffset(mq);
    }

    long maxOffset(MessageQueue mq) throws Exception {
        return admin().maxOffset(mq);
    }

    long searchOffset(MessageQueue mq, long timestamp) throws Exception {
        return admin().searchOffset(mq, timestamp);
    }

    private DefaultMQAdminExt admin() {
        return session.admin();
    }
}
