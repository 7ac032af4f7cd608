package io.apogee.client.impl.consumer;

import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQClientAPI.PullResultExt;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.header.PullMessageRequestHeader;
import io.apogee.protocol.header.PullSysFlag;
import io.apogee.protocol.route.BrokerData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues pulls for one consumer group and prepares what comes back: messages are filtered by tag
 * string (the broker only compares hash codes), stamped with the queue's min/max offsets and broker
 * name, and the broker's suggestion where to pull next time is remembered per queue.
 */
public final class PullAPIWrapper {
    private final MQClientInstance instance;
    private final String consumerGroup;
    private final Map<MessageQueue, Long> suggestedBroker = new ConcurrentHashMap<>();

    public PullAPIWrapper(MQClientInstance instance, String consumerGroup) {
        this.instance = instance;
        this.consumerGroup = consumerGroup;
    }

    /** Parameters of one pull that vary between the push and the lite-pull consumer. */
    public record PullSpec(int requestCode, int sysFlag, long commitOffset, int maxNums, long suspendMillis, long timeoutMillis) {
    }

    public CompletableFuture<PullResult> pull(MessageQueue mq, SubscriptionData sub, long offset, PullSpec spec) {
        String addr = instance.findBrokerAddressInSubscribe(mq.getBrokerName(), suggestedBroker.getOrDefault(mq, BrokerData.MASTER_ID));
        if (addr == null) {
            instance.updateTopicRouteInfoFromNameServer(mq.getTopic());
            addr = instance.findBrokerAddressInSubscribe(mq.getBrokerName(), BrokerData.MASTER_ID);
        }
        if (addr == null) {
            return CompletableFuture.failedFuture(new MQClientException(ResponseCode.SYSTEM_ERROR,
                    "The broker[" + mq.getBrokerName() + "] not exist"));
        }
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setQueueOffset(offset);
        header.setMaxMsgNums(spec.maxNums());
        header.setSysFlag(spec.sysFlag());
        header.setCommitOffset(spec.commitOffset());
        header.setSuspendTimeoutMillis(spec.suspendMillis());
        if (PullSysFlag.hasSubscription(spec.sysFlag())) {
            header.setSubscription(sub.getSubString());
        }
        header.setSubVersion(sub.getSubVersion());
        header.setExpressionType(sub.getExpressionType());
        header.setMaxMsgBytes(256 * 1024);
        header.setBname(mq.getBrokerName());
        return instance.getMQClientAPI().pullMessageAsync(addr, spec.requestCode(), header, spec.timeoutMillis())
                .thenApply(result -> processPullResult(mq, result, sub));
    }

    private PullResult processPullResult(MessageQueue mq, PullResultExt result, SubscriptionData sub) {
        suggestedBroker.put(mq, result.getSuggestWhichBrokerId());
        if (result.getPullStatus() != PullStatus.FOUND) {
            return result;
        }
        List<MessageExt> kept = new ArrayList<>(result.getMsgFoundList().size());
        for (MessageExt raw : result.getMsgFoundList()) {
            if (!matches(sub, raw.getTags())) {
                continue;
            }
            MessageClientExt msg = MessageClientExt.from(raw);
            if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
                msg.setTransactionId(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
            }
            msg.putProperty(MessageConst.PROPERTY_MIN_OFFSET, String.valueOf(result.getMinOffset()));
            msg.putProperty(MessageConst.PROPERTY_MAX_OFFSET, String.valueOf(result.getMaxOffset()));
            msg.setBrokerName(mq.getBrokerName());
            kept.add(msg);
        }
        result.setMsgFoundList(kept);
        return result;
    }

    private static boolean matches(SubscriptionData sub, String tag) {
        if (SubscriptionData.EXPRESSION_SQL92.equals(sub.getExpressionType()) || sub.matchesAll()) {
            return true;
        }
        return tag != null && sub.getTagsSet().contains(tag);
    }
}
