package io.apogee.client;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQAdminImpl;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.remoting.exception.RemotingException;

/**
 * Questions about queues and stored messages that every started producer and push consumer can
 * ask, with the signatures of the official {@code org.apache.rocketmq.client.MQAdmin}.
 */
public interface MQAdmin {

    /** The helper answering these questions for this client; internal, fails when the client is not started. */
    MQAdminImpl mqAdminImpl() throws MQClientException;

    /** The offset of the first message of the queue stored at or after {@code timestamp} (epoch ms). */
    default long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return ask(mq, admin -> admin.searchOffset(mq, timestamp));
    }

    /** The offset the next message of the queue will get. */
    default long maxOffset(MessageQueue mq) throws MQClientException {
        return ask(mq, admin -> admin.maxOffset(mq));
    }

    /** The offset of the oldest message still stored in the queue. */
    default long minOffset(MessageQueue mq) throws MQClientException {
        return ask(mq, admin -> admin.minOffset(mq));
    }

    /** The store time of the oldest message still stored in the queue. */
    default long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return ask(mq, admin -> admin.earliestMsgStoreTime(mq));
    }

    /** A message by its offset id (SendResult.offsetMsgId). */
    default MessageExt viewMessage(String offsetMsgId)
            throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return mqAdminImpl().viewMessage(offsetMsgId);
    }

    /** A message of the topic by its unique id (SendResult.msgId), or null. */
    default MessageExt viewMessage(String topic, String msgId)
            throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return mqAdminImpl().viewMessage(topic, msgId);
    }

    /** Messages of the topic whose KEYS contain {@code key}, stored between {@code begin} and {@code end} (ms). */
    default QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
            throws MQClientException, InterruptedException {
        try {
            return mqAdminImpl().queryMessage(topic, key, maxNum, begin, end);
        } catch (RemotingException | MQBrokerException e) {
            throw new MQClientException("cannot query " + topic + " for key " + key, e);
        }
    }

    /** One offset question to the broker of a queue. */
    private long ask(MessageQueue mq, OffsetQuestion question) throws MQClientException {
        try {
            return question.ask(mqAdminImpl());
        } catch (MQClientException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MQClientException("interrupted while asking the broker of " + mq, e);
        } catch (RemotingException | MQBrokerException e) {
            throw new MQClientException("cannot ask the broker of " + mq, e);
        }
    }

    /** A question answered with an offset or a time. */
    interface OffsetQuestion {
        long ask(MQAdminImpl admin) throws RemotingException, MQClientException, MQBrokerException, InterruptedException;
    }
}
