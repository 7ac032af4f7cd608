package io.apogee.broker.processor;

import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.GetConsumerListByGroupResponseBody;
import io.apogee.protocol.header.GetConsumerListByGroupRequestHeader;
import io.apogee.protocol.header.QueryConsumerOffsetRequestHeader;
import io.apogee.protocol.header.QueryConsumerOffsetResponseHeader;
import io.apogee.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.netty.channel.Channel;
import java.util.ArrayList;

/** GET_CONSUMER_LIST_BY_GROUP, QUERY_CONSUMER_OFFSET and UPDATE_CONSUMER_OFFSET. */
public class ConsumerManageProcessor implements SyncProcessor {
    private final ConsumerManager consumerManager;
    private final ConsumerOffsetManager offsetManager;
    private final MessageStore store;

    public ConsumerManageProcessor(ConsumerManager consumerManager, ConsumerOffsetManager offsetManager, MessageStore store) {
        this.consumerManager = consumerManager;
        this.offsetManager = offsetManager;
        this.store = store;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> consumerList(request);
            case RequestCode.QUERY_CONSUMER_OFFSET -> queryOffset(request);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> updateOffset(request);
            default -> Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand consumerList(RemotingCommand request) throws Exception {
        GetConsumerListByGroupRequestHeader header = request.readCustomHeader(GetConsumerListByGroupRequestHeader.class);
        ConsumerGroupInfo group = consumerManager.group(header.getConsumerGroup());
        if (group == null || group.isEmpty()) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "no consumer for this group, " + header.getConsumerGroup());
        }
        GetConsumerListByGroupResponseBody body = new GetConsumerListByGroupResponseBody();
        body.setConsumerIdList(new ArrayList<>(group.clientIds()));
        return Responses.json(request, body);
    }

    /**
     * Without a committed offset a queue that still starts at 0 is answered with 0, so a brand-new
     * group (default "from last offset") still reads a young topic from its first message; otherwise
     * QUERY_NOT_FOUND lets the client apply its consume-from-where rule.
     */
    private RemotingCommand queryOffset(RemotingCommand request) throws Exception {
        QueryConsumerOffsetRequestHeader header = request.readCustomHeader(QueryConsumerOffsetRequestHeader.class);
        long offset = offsetManager.queryOffset(header.getConsumerGroup(), header.getTopic(), header.getQueueId());
        if (offset < 0) {
            boolean zeroAllowed = !Boolean.FALSE.equals(header.getSetZeroIfNotFound());
            if (!zeroAllowed || store.getMinOffsetInQueue(header.getTopic(), header.getQueueId()) > 0) {
                return Responses.error(request, ResponseCode.QUERY_NOT_FOUND, "Not found, maybe this group consumer boot first");
            }
            offset = 0;
        }
        QueryConsumerOffsetResponseHeader response = new QueryConsumerOffsetResponseHeader();
        response.setOffset(offset);
        return Responses.success(request, response);
    }

    private RemotingCommand updateOffset(RemotingCommand request) throws Exception {
        UpdateConsumerOffsetRequestHeader header = request.readCustomHeader(UpdateConsumerOffsetRequestHeader.class);
        offsetManager.commitOffset(header.getConsumerGroup(), header.getTopic(), header.getQueueId(), header.getCommitOffset());
        return Responses.success(request);
    }
}
