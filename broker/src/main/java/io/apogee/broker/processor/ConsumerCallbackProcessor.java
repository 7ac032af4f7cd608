package io.apogee.broker.processor;

import io.apogee.broker.client.Broker2Client;
import io.apogee.broker.client.ClientChannelInfo;
import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.common.message.MessageIds;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.body.GetConsumerStatusBody;
import io.apogee.protocol.body.ResetOffsetBody;
import io.apogee.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.apogee.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.apogee.protocol.header.GetConsumerStatusRequestHeader;
import io.apogee.protocol.header.ResetOffsetRequestHeader;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.exception.RemotingTimeoutException;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin requests the broker answers by calling its consumers back over their own connections:
 * INVOKE_BROKER_TO_RESET_OFFSET (pushes RESET_CONSUMER_CLIENT_OFFSET to the group),
 * INVOKE_BROKER_TO_GET_CONSUMER_STATUS (asks every member, merges the answers),
 * GET_CONSUMER_RUNNING_INFO and CONSUME_MESSAGE_DIRECTLY (forwarded to one client, whose answer is
 * passed back unchanged).
 */
public class ConsumerCallbackProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCallbackProcessor.class);
    /** How long a client gets to answer a forwarded request. */
    private static final long CALLBACK_TIMEOUT_MILLIS = 10_000;

    private final ConsumerManager consumerManager;
    private final ConsumerOffsetManager offsetManager;
    private final TopicConfigManager topicManager;
    private final MessageStore store;
    private final Broker2Client broker2Client;
    private final String brokerName;

    public ConsumerCallbackProcessor(ConsumerManager consumerManager, ConsumerOffsetManager offsetManager,
                                     TopicConfigManager topicManager, MessageStore store, Broker2Client broker2Client,
                                     String brokerName) {
        this.consumerManager = consumerManager;
        this.offsetManager = offsetManager;
        this.topicManager = topicManager;
        this.store = store;
        this.broker2Client = broker2Client;
        this.brokerName = brokerName;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        try {
            return switch (request.getCode()) {
                case RequestCode.INVOKE_BROKER_TO_RESET_OFFSET -> CompletableFuture.completedFuture(resetOffset(request));
                case RequestCode.GET_CONSUMER_RUNNING_INFO -> runningInfo(request);
                case RequestCode.CONSUME_MESSAGE_DIRECTLY -> consumeDirectly(request);
                case RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS -> consumerStatus(request);
                default -> CompletableFuture.completedFuture(Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        "request code " + request.getCode() + " not supported"));
            };
        } catch (RemotingCommandException e) {
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR, e.getMessage()));
        }
    }

    /**
     * New offsets per write queue: the max offset for timestamp -1, else the first offset stored at or
     * after the timestamp (or the explicit 5.x offset). Without force an offset only moves backwards.
     */
    private RemotingCommand resetOffset(RemotingCommand request) throws RemotingCommandException {
        ResetOffsetRequestHeader header = request.readCustomHeader(ResetOffsetRequestHeader.class);
        ConsumerGroupInfo group = consumerManager.group(header.getGroup());
        if (group == null || group.isEmpty()) {
            return Responses.error(request, ResponseCode.CONSUMER_NOT_ONLINE,
                    "Consumer not online, so can not reset offset, Group: " + header.getGroup() + " Topic: " + header.getTopic());
        }
        TopicConfig topic = topicManager.select(header.getTopic());
        if (topic == null) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR,
                    "[reset-offset] reset offset failed, no topic in this broker. topic=" + header.getTopic());
        }
        ResetOffsetBody body = new ResetOffsetBody();
        for (int queueId = 0; queueId < topic.getWriteQueueNums(); queueId++) {
            if (header.getQueueId() >= 0 && header.getQueueId() != queueId) {
                continue;
            }
            long target = targetOffset(header, queueId);
            long current = offsetManager.queryOffset(header.getGroup(), header.getTopic(), queueId);
            long offset = Boolean.TRUE.equals(header.getIsForce()) || current < 0 || target < current ? target : current;
            body.getOffsetTable().put(new MessageQueue(header.getTopic(), brokerName, queueId), offset);
        }
        byte[] encoded = Json.toBytes(body);
        ResetOffsetRequestHeader toClient = new ResetOffsetRequestHeader();
        toClient.setTopic(header.getTopic());
        toClient.setGroup(header.getGroup());
        toClient.setTimestamp(header.getTimestamp());
        toClient.setIsForce(header.getIsForce());
        for (Channel member : group.channels()) {
            broker2Client.oneway(member, RemotingCommand.request(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, toClient).setBody(encoded));
        }
        return Responses.success(request).setBody(encoded);
    }

    private long targetOffset(ResetOffsetRequestHeader header, int queueId) {
        if (header.getOffset() != null && header.getOffset() >= 0) {
            return header.getOffset();
        }
        if (header.getTimestamp() == -1) {
            return store.getMaxOffsetInQueue(header.getTopic(), queueId);
        }
        return store.getOffsetInQueueByTime(header.getTopic(), queueId, header.getTimestamp());
    }

    private CompletableFuture<RemotingCommand> runningInfo(RemotingCommand request) throws RemotingCommandException {
        GetConsumerRunningInfoRequestHeader header = request.readCustomHeader(GetConsumerRunningInfoRequestHeader.class);
        Channel client = findClient(header.getConsumerGroup(), header.getClientId());
        if (client == null) {
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR,
                    "The Consumer <" + header.getConsumerGroup() + "> <" + header.getClientId() + "> not online"));
        }
        return forward(request, client, RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO, header));
    }

    private CompletableFuture<RemotingCommand> consumeDirectly(RemotingCommand request) throws RemotingCommandException {
        ConsumeMessageDirectlyResultRequestHeader header = request.readCustomHeader(ConsumeMessageDirectlyResultRequestHeader.class);
        Channel client = findClient(header.getConsumerGroup(), header.getClientId());
        if (client == null) {
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR,
                    "The Consumer <" + header.getConsumerGroup() + "> <" + header.getClientId() + "> not online"));
        }
        long commitLogOffset;
        try {
            commitLogOffset = MessageIds.decodeOffsetMessageId(header.getMsgId()).offset();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR,
                    "bad message id " + header.getMsgId()));
        }
        ByteBuf record = store.selectOneMessageByOffset(commitLogOffset);
        if (record == null) {
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR,
                    "can not find message by the offset, " + commitLogOffset));
        }
        byte[] body;
        try {
            body = ByteBufUtil.getBytes(record);
        } finally {
            record.release();
        }
        return forward(request, client, RemotingCommand.request(RequestCode.CONSUME_MESSAGE_DIRECTLY, header).setBody(body));
    }

    /** Asks every member (or the one at clientAddr) for its offsets of the topic and merges them by client id. */
    private CompletableFuture<RemotingCommand> consumerStatus(RemotingCommand request) throws RemotingCommandException {
        GetConsumerStatusRequestHeader header = request.readCustomHeader(GetConsumerStatusRequestHeader.class);
        ConsumerGroupInfo group = consumerManager.group(header.getGroup());
        if (group == null || group.isEmpty()) {
            return CompletableFuture.completedFuture(Responses.error(request, ResponseCode.SYSTEM_ERROR,
                    "No Any Consumer online in the consumer group: [" + header.getGroup() + "]"));
        }
        GetConsumerStatusBody merged = new GetConsumerStatusBody();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (ClientChannelInfo member : group.members()) {
            if (header.getClientAddr() != null && !header.getClientAddr().isEmpty()
                    && !header.getClientAddr().equals(member.remoteAddr())) {
                continue;
            }
            RemotingCommand ask = RemotingCommand.request(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, header);
            calls.add(broker2Client.invoke(member.channel(), ask, CALLBACK_TIMEOUT_MILLIS).handle((answer, error) -> {
                if (error == null && answer.getCode() == ResponseCode.SUCCESS && answer.getBody() != null) {
                    merge(merged, member.clientId(), answer.getBody());
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(calls.toArray(new CompletableFuture[0]))
                .thenApply(done -> Responses.json(request, merged));
    }

    /** A member whose answer does not parse is left out rather than failing the whole request. */
    private static void merge(GetConsumerStatusBody merged, String clientId, byte[] answer) {
        try {
            GetConsumerStatusBody body = Json.parse(answer, GetConsumerStatusBody.class);
            synchronized (merged) {
                merged.getConsumerTable().put(clientId, body.getMessageQueueTable());
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("consumer {} answered GET_CONSUMER_STATUS_FROM_CLIENT with an unreadable body: {}", clientId, e.getMessage());
        }
    }

    private Channel findClient(String group, String clientId) {
        ConsumerGroupInfo info = consumerManager.group(group);
        ClientChannelInfo member = info == null || clientId == null ? null : info.findByClientId(clientId);
        return member == null ? null : member.channel();
    }

    /** Sends to the client and answers the admin with the client's code, remark and body. */
    private CompletableFuture<RemotingCommand> forward(RemotingCommand adminRequest, Channel client, RemotingCommand toClient) {
        return broker2Client.invoke(client, toClient, CALLBACK_TIMEOUT_MILLIS).handle((answer, error) -> {
            if (error == null) {
                RemotingCommand response = RemotingCommand.responseTo(adminRequest, answer.getCode(), answer.getRemark());
                return response.setBody(answer.getBody());
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            int code = cause instanceof RemotingTimeoutException ? ResponseCode.CONSUME_MSG_TIMEOUT : ResponseCode.SYSTEM_ERROR;
            return Responses.error(adminRequest, code, "forwarding to the consumer failed: " + cause.getMessage());
        });
    }
}
