package io.apogee.client.impl;

import io.apogee.client.consumer.PullResult;
import io.apogee.client.consumer.PullStatus;
import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.producer.SendResult;
import io.apogee.client.producer.SendStatus;
import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.CheckClientRequestBody;
import io.apogee.protocol.body.GetConsumerListByGroupResponseBody;
import io.apogee.protocol.body.HeartbeatData;
import io.apogee.protocol.body.LockBatchRequestBody;
import io.apogee.protocol.body.SubscriptionData;
import io.apogee.protocol.body.LockBatchResponseBody;
import io.apogee.protocol.body.UnlockBatchRequestBody;
import io.apogee.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.apogee.protocol.header.EndTransactionRequestHeader;
import io.apogee.protocol.header.GetConsumerListByGroupRequestHeader;
import io.apogee.protocol.header.GetMaxOffsetRequestHeader;
import io.apogee.protocol.header.GetMaxOffsetResponseHeader;
import io.apogee.protocol.header.GetMinOffsetRequestHeader;
import io.apogee.protocol.header.GetMinOffsetResponseHeader;
import io.apogee.protocol.header.HeartbeatRequestHeader;
import io.apogee.protocol.header.LockBatchMqRequestHeader;
import io.apogee.protocol.header.PullMessageRequestHeader;
import io.apogee.protocol.header.PullMessageResponseHeader;
import io.apogee.protocol.header.QueryConsumerOffsetRequestHeader;
import io.apogee.protocol.header.QueryConsumerOffsetResponseHeader;
import io.apogee.protocol.header.SearchOffsetRequestHeader;
import io.apogee.protocol.header.SearchOffsetResponseHeader;
import io.apogee.protocol.header.SendMessageRequestHeaderV2;
import io.apogee.protocol.header.SendMessageResponseHeader;
import io.apogee.protocol.header.UnlockBatchMqRequestHeader;
import io.apogee.protocol.header.UnregisterClientRequestHeader;
import io.apogee.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.protocol.namesrv.GetRouteInfoRequestHeader;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.exception.RemotingException;
import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every request the client sends, one method each: builds the header and body, picks the target
 * (a broker address, or the name servers with failover) and turns the response into a result or an
 * exception. It keeps no state besides the connections, so it is shared by all clients of an instance.
 */
public class MQClientAPI {
    private final NettyRemotingClient remoting;
    private final NameServerSelector nameServers;

    public MQClientAPI(NettyRemotingClient remoting) {
        this.remoting = remoting;
        this.nameServers = new NameServerSelector(remoting);
    }

    public NettyRemotingClient remoting() {
        return remoting;
    }

    public void updateNameServerAddressList(String namesrvAddr) {
        nameServers.update(namesrvAddr);
    }

    public List<String> getNameServerAddressList() {
        return nameServers.addresses();
    }

    // ---- generic calls, also used by the admin client ----

    /** Calls the name servers (with failover) and returns the response whatever its code. */
    public RemotingCommand invokeNameServer(int code, CommandCustomHeader header, byte[] body, long timeoutMillis)
            throws RemotingException, InterruptedException {
        return nameServers.invoke(() -> RemotingCommand.request(code, header).setBody(body), timeoutMillis);
    }

    /** Calls a broker and returns the response whatever its code. */
    public RemotingCommand invoke(String addr, int code, CommandCustomHeader header, byte[] body, long timeoutMillis)
            throws RemotingException, InterruptedException {
        return remoting.invokeSync(addr, RemotingCommand.request(code, header).setBody(body), timeoutMillis);
    }

    /** Calls a broker and fails with {@link MQBrokerException} unless the response is SUCCESS. */
    public RemotingCommand invokeExpectingSuccess(String addr, int code, CommandCustomHeader header, byte[] body, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        return expectSuccess(invoke(addr, code, header, body, timeoutMillis), addr);
    }

    public void invokeOneway(String addr, int code, CommandCustomHeader header, byte[] body, long timeoutMillis)
            throws RemotingException, InterruptedException {
        remoting.invokeOneway(addr, RemotingCommand.request(code, header).setBody(body), timeoutMillis);
    }

    // ---- name server ----

    public TopicRouteData getTopicRouteInfoFromNameServer(String topic, long timeoutMillis)
            throws MQClientException, RemotingException, InterruptedException {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand response = invokeNameServer(RequestCode.GET_ROUTEINFO_BY_TOPIC, header, null, timeoutMillis);
        if (response.getCode() == ResponseCode.SUCCESS && response.getBody() != null) {
            return Json.parse(response.getBody(), TopicRouteData.class);
        }
        throw new MQClientException(response.getCode(), response.getRemark());
    }

    // ---- send ----

    public SendResult sendMessageSync(String addr, String brokerName, byte[] body, SendMessageRequestHeaderV2 header,
                                      boolean batch, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = remoting.invokeSync(addr, sendRequest(body, header, batch), timeoutMillis);
        return toSendResult(response, addr, brokerName, header);
    }

    public CompletableFuture<SendResult> sendMessageAsync(String addr, String brokerName, byte[] body,
                                                          SendMessageRequestHeaderV2 header, boolean batch, long timeoutMillis) {
        return remoting.invokeAsync(addr, sendRequest(body, header, batch), timeoutMillis).thenApply(response -> {
            try {
                return toSendResult(response, addr, brokerName, header);
            } catch (MQBrokerException e) {
                throw new CompletionException(e);
            }
        });
    }

    public void sendMessageOneway(String addr, byte[] body, SendMessageRequestHeaderV2 header, boolean batch, long timeoutMillis)
            throws RemotingException, InterruptedException {
        remoting.invokeOneway(addr, sendRequest(body, header, batch), timeoutMillis);
    }

    private static RemotingCommand sendRequest(byte[] body, SendMessageRequestHeaderV2 header, boolean batch) {
        return RemotingCommand.request(batch ? RequestCode.SEND_BATCH_MESSAGE : RequestCode.SEND_MESSAGE_V2, header).setBody(body);
    }

    private static SendResult toSendResult(RemotingCommand response, String addr, String brokerName,
                                           SendMessageRequestHeaderV2 request) throws MQBrokerException {
        SendStatus status = switch (response.getCode()) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default -> throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        };
        SendMessageResponseHeader header = decode(response, SendMessageResponseHeader.class, addr);
        MessageQueue mq = new MessageQueue(request.getB(), brokerName, header.getQueueId());
        SendResult result = new SendResult(status, null, header.getMsgId(), mq, header.getQueueOffset());
        result.setTransactionId(header.getTransactionId());
        result.setRegionId(response.extField("MSG_REGION"));
        result.setTraceOn(!"false".equals(response.extField("TRACE_ON")));
        return result;
    }

    // ---- pull ----

    public CompletableFuture<PullResultExt> pullMessageAsync(String addr, int code, PullMessageRequestHeader header, long timeoutMillis) {
        return remoting.invokeAsync(addr, RemotingCommand.request(code, header), timeoutMillis).thenApply(response -> {
            try {
                return toPullResult(response, addr);
            } catch (MQBrokerException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static PullResultExt toPullResult(RemotingCommand response, String addr) throws MQBrokerException {
        PullStatus status = switch (response.getCode()) {
            case ResponseCode.SUCCESS -> PullStatus.FOUND;
            case ResponseCode.PULL_NOT_FOUND -> PullStatus.NO_NEW_MSG;
            case ResponseCode.PULL_RETRY_IMMEDIATELY -> PullStatus.NO_MATCHED_MSG;
            case ResponseCode.PULL_OFFSET_MOVED -> PullStatus.OFFSET_ILLEGAL;
            default -> throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        };
        PullMessageResponseHeader header = decode(response, PullMessageResponseHeader.class, addr);
        List<MessageExt> messages = status == PullStatus.FOUND && response.getBody() != null
                ? MessageCodec.decodes(ByteBuffer.wrap(response.getBody()), true) : List.of();
        return new PullResultExt(status, header.getNextBeginOffset(), header.getMinOffset(), header.getMaxOffset(),
                messages, header.getSuggestWhichBrokerId() == null ? 0 : header.getSuggestWhichBrokerId());
    }

    /** A pull result plus the broker's hint where to pull next time. */
    public static final class PullResultExt extends PullResult {
        private final long suggestWhichBrokerId;

        PullResultExt(PullStatus status, long next, long min, long max, List<MessageExt> messages, long suggestWhichBrokerId) {
            super(status, next, min, max, messages);
            this.suggestWhichBrokerId = suggestWhichBrokerId;
        }

        public long getSuggestWhichBrokerId() {
            return suggestWhichBrokerId;
        }
    }

    // ---- offsets ----

    /** The committed offset, or -1 when the broker has none for this queue (QUERY_NOT_FOUND). */
    public long queryConsumerOffset(String addr, String group, MessageQueue mq, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        RemotingCommand response = invoke(addr, RequestCode.QUERY_CONSUMER_OFFSET, header, null, timeoutMillis);
        if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
            return -1;
        }
        return decode(expectSuccess(response, addr), QueryConsumerOffsetResponseHeader.class, addr).getOffset();
    }

    public void updateConsumerOffset(String addr, String group, MessageQueue mq, long offset, boolean oneway, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setCommitOffset(offset);
        header.setBname(mq.getBrokerName());
        if (oneway) {
            invokeOneway(addr, RequestCode.UPDATE_CONSUMER_OFFSET, header, null, timeoutMillis);
        } else {
            invokeExpectingSuccess(addr, RequestCode.UPDATE_CONSUMER_OFFSET, header, null, timeoutMillis);
        }
    }

    public long getMaxOffset(String addr, MessageQueue mq, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        GetMaxOffsetRequestHeader header = new GetMaxOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        RemotingCommand response = invokeExpectingSuccess(addr, RequestCode.GET_MAX_OFFSET, header, null, timeoutMillis);
        return decode(response, GetMaxOffsetResponseHeader.class, addr).getOffset();
    }

    public long getMinOffset(String addr, MessageQueue mq, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        GetMinOffsetRequestHeader header = new GetMinOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        RemotingCommand response = invokeExpectingSuccess(addr, RequestCode.GET_MIN_OFFSET, header, null, timeoutMillis);
        return decode(response, GetMinOffsetResponseHeader.class, addr).getOffset();
    }

    public long searchOffset(String addr, MessageQueue mq, long timestamp, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        SearchOffsetRequestHeader header = new SearchOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setTimestamp(timestamp);
        header.setBname(mq.getBrokerName());
        RemotingCommand response = invokeExpectingSuccess(addr, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, header, null, timeoutMillis);
        return decode(response, SearchOffsetResponseHeader.class, addr).getOffset();
    }

    // ---- consumers ----

    public void consumerSendMessageBack(String addr, String brokerName, MessageExt msg, String group, int delayLevel,
                                        int maxReconsumeTimes, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        ConsumerSendMsgBackRequestHeader header = new ConsumerSendMsgBackRequestHeader();
        header.setOffset(msg.getCommitLogOffset());
        header.setGroup(group);
        header.setDelayLevel(delayLevel);
        header.setOriginMsgId(msg.getMsgId());
        header.setOriginTopic(msg.getTopic());
        header.setMaxReconsumeTimes(maxReconsumeTimes);
        header.setBname(brokerName);
        invokeExpectingSuccess(addr, RequestCode.CONSUMER_SEND_MSG_BACK, header, null, timeoutMillis);
    }

    public List<String> getConsumerIdListByGroup(String addr, String group, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        GetConsumerListByGroupRequestHeader header = new GetConsumerListByGroupRequestHeader();
        header.setConsumerGroup(group);
        RemotingCommand response = invokeExpectingSuccess(addr, RequestCode.GET_CONSUMER_LIST_BY_GROUP, header, null, timeoutMillis);
        if (response.getBody() == null) {
            return List.of();
        }
        return Json.parse(response.getBody(), GetConsumerListByGroupResponseBody.class).getConsumerIdList();
    }

    public Set<MessageQueue> lockBatchMQ(String addr, LockBatchRequestBody body, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        RemotingCommand response = invokeExpectingSuccess(addr, RequestCode.LOCK_BATCH_MQ, new LockBatchMqRequestHeader(),
                Json.toBytes(body), timeoutMillis);
        return Json.parse(response.getBody(), LockBatchResponseBody.class).getLockOKMQSet();
    }

    public void unlockBatchMQ(String addr, UnlockBatchRequestBody body, boolean oneway, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        if (oneway) {
            invokeOneway(addr, RequestCode.UNLOCK_BATCH_MQ, new UnlockBatchMqRequestHeader(), Json.toBytes(body), timeoutMillis);
        } else {
            invokeExpectingSuccess(addr, RequestCode.UNLOCK_BATCH_MQ, new UnlockBatchMqRequestHeader(), Json.toBytes(body), timeoutMillis);
        }
    }

    // ---- client management ----

    public void sendHeartbeat(String addr, HeartbeatData data, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        invokeExpectingSuccess(addr, RequestCode.HEART_BEAT, new HeartbeatRequestHeader(), Json.toBytes(data), timeoutMillis);
    }

    /**
     * CHECK_CLIENT_CONFIG: asks a broker whether it accepts a (non-tag) subscription, so a malformed
     * SQL92 expression or a broker without SQL filtering fails the consumer's start with the broker's reason.
     */
    public void checkClientInBroker(String addr, String group, String clientId, SubscriptionData subscription, long timeoutMillis)
            throws RemotingException, InterruptedException, MQClientException {
        CheckClientRequestBody body = new CheckClientRequestBody();
        body.setClientId(clientId);
        body.setGroup(group);
        body.setSubscriptionData(subscription);
        RemotingCommand response = invoke(addr, RequestCode.CHECK_CLIENT_CONFIG, null, Json.toBytes(body), timeoutMillis);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new MQClientException(response.getCode(), response.getRemark());
        }
    }

    public void unregisterClient(String addr, String clientId, String producerGroup, String consumerGroup, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        UnregisterClientRequestHeader header = new UnregisterClientRequestHeader();
        header.setClientID(clientId);
        header.setProducerGroup(producerGroup);
        header.setConsumerGroup(consumerGroup);
        invokeExpectingSuccess(addr, RequestCode.UNREGISTER_CLIENT, header, null, timeoutMillis);
    }

    public void endTransactionOneway(String addr, EndTransactionRequestHeader header, String remark, long timeoutMillis)
            throws RemotingException, InterruptedException {
        RemotingCommand request = RemotingCommand.request(RequestCode.END_TRANSACTION, header);
        request.setRemark(remark);
        remoting.invokeOneway(addr, request, timeoutMillis);
    }

    // ---- helpers ----

    public static RemotingCommand expectSuccess(RemotingCommand response, String addr) throws MQBrokerException {
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new MQBrokerException(response.getCode(), response.getRemark(), addr);
        }
        return response;
    }

    public static <T extends CommandCustomHeader> T decode(RemotingCommand response, Class<T> type, String addr)
            throws MQBrokerException {
        try {
            return response.readCustomHeader(type);
        } catch (RemotingCommandException e) {
            throw new MQBrokerException(ResponseCode.SYSTEM_ERROR, "malformed " + type.getSimpleName() + ": " + e.getMessage(), addr);
        }
    }
}
