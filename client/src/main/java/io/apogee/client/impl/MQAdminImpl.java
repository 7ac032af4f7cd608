package io.apogee.client.impl;

import io.apogee.client.QueryResult;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageIds;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import io.apogee.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import io.apogee.protocol.header.QueryMessageRequestHeader;
import io.apogee.protocol.header.QueryMessageResponseHeader;
import io.apogee.protocol.header.ViewMessageRequestHeader;
import io.apogee.protocol.route.BrokerData;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.protocol.RemotingCommand;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Questions about queues and stored messages that producers, consumers and the admin client all
 * answer the same way: queue extents, offsets by time, and message lookup by offset id, key or
 * unique id. Routes are read from the name servers on each call, so any topic can be asked about.
 */
public final class MQAdminImpl {
    private final MQClientAPI api;
    private final long timeoutMillis;

    public MQAdminImpl(MQClientAPI api, long timeoutMillis) {
        this.api = api;
        this.timeoutMillis = timeoutMillis;
    }

    public long maxOffset(MessageQueue mq) throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return api.getMaxOffset(masterOf(mq), mq, timeoutMillis);
    }

    public long minOffset(MessageQueue mq) throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return api.getMinOffset(masterOf(mq), mq, timeoutMillis);
    }

    public long searchOffset(MessageQueue mq, long timestamp)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return api.searchOffset(masterOf(mq), mq, timestamp, timeoutMillis);
    }

    public long earliestMsgStoreTime(MessageQueue mq)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        GetEarliestMsgStoretimeRequestHeader header = new GetEarliestMsgStoretimeRequestHeader();
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        String addr = masterOf(mq);
        RemotingCommand response = api.invokeExpectingSuccess(addr, RequestCode.GET_EARLIEST_MSG_STORETIME, header, null, timeoutMillis);
        return MQClientAPI.decode(response, GetEarliestMsgStoretimeResponseHeader.class, addr).getTimestamp();
    }

    /** Reads a message by its offset id (SendResult.offsetMsgId), straight from the broker the id names. */
    public MessageExt viewMessage(String offsetMsgId) throws RemotingException, MQBrokerException, InterruptedException {
        ViewMessageRequestHeader header = new ViewMessageRequestHeader();
        header.setOffset(MessageIds.decodeOffsetMessageId(offsetMsgId).offset());
        String addr = brokerAddrOf(offsetMsgId);
        RemotingCommand response = api.invokeExpectingSuccess(addr, RequestCode.VIEW_MESSAGE_BY_ID, header, null, timeoutMillis);
        return MessageCodec.decode(ByteBuffer.wrap(response.getBody()), true, true);
    }

    /** The address ({@code ip:port}) of the broker that stored the message an offset id names. */
    public static String brokerAddrOf(String offsetMsgId) {
        MessageIds.OffsetMessageId id = MessageIds.decodeOffsetMessageId(offsetMsgId);
        return id.address().getAddress().getHostAddress() + ":" + id.address().getPort();
    }

    /** Messages of the topic whose KEYS contain {@code key}, stored between {@code begin} and {@code end} (ms). */
    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        return query(topic, key, maxNum, begin, end, false);
    }

    /** The message whose unique id (SendResult.msgId) is {@code uniqKey}, or null. */
    public MessageExt viewMessage(String topic, String uniqKey)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        List<MessageExt> found = query(topic, uniqKey, 32, 0, Long.MAX_VALUE, true).getMessageList();
        return found.isEmpty() ? null : found.get(0);
    }

    private QueryResult query(String topic, String key, int maxNum, long begin, long end, boolean uniqueKey)
            throws RemotingException, MQClientException, MQBrokerException, InterruptedException {
        QueryMessageRequestHeader header = new QueryMessageRequestHeader();
        header.setTopic(topic);
        header.setKey(key);
        header.setMaxNum(maxNum);
        header.setBeginTimestamp(begin);
        header.setEndTimestamp(end);
        long indexTimestamp = 0;
        List<MessageExt> found = new ArrayList<>();
        for (BrokerData bd : api.getTopicRouteInfoFromNameServer(topic, timeoutMillis).getBrokerDatas()) {
            String addr = bd.masterAddr() != null ? bd.masterAddr() : bd.getBrokerAddrs().values().iterator().next();
            RemotingCommand request = RemotingCommand.request(RequestCode.QUERY_MESSAGE, header)
                    .addExtField("_UNIQUE_KEY_QUERY", String.valueOf(uniqueKey));
            RemotingCommand response = api.remoting().invokeSync(addr, request, 3 * timeoutMillis);
            if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
                continue;
            }
            MQClientAPI.expectSuccess(response, addr);
            QueryMessageResponseHeader rh = MQClientAPI.decode(response, QueryMessageResponseHeader.class, addr);
            indexTimestamp = Math.max(indexTimestamp, rh.getIndexLastUpdateTimestamp());
            for (MessageExt msg : MessageCodec.decodes(ByteBuffer.wrap(response.getBody()), true)) {
                if (uniqueKey ? key.equals(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)) : topic.equals(msg.getTopic()) && hasKey(msg, key)) {
                    found.add(msg);
                }
            }
        }
        return new QueryResult(indexTimestamp, found);
    }

    private static boolean hasKey(MessageExt msg, String key) {
        String keys = msg.getKeys();
        return keys != null && Set.of(keys.split(MessageConst.KEY_SEPARATOR)).contains(key);
    }

    private String masterOf(MessageQueue mq) throws RemotingException, MQClientException, InterruptedException {
        for (BrokerData bd : api.getTopicRouteInfoFromNameServer(mq.getTopic(), timeoutMillis).getBrokerDatas()) {
            if (bd.getBrokerName().equals(mq.getBrokerName()) && bd.masterAddr() != null) {
                return bd.masterAddr();
            }
        }
        throw new MQClientException(ResponseCode.SYSTEM_ERROR, "The broker[" + mq.getBrokerName() + "] not exist");
    }
}
