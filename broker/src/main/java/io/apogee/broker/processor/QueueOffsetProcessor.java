package io.apogee.broker.processor;

import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import io.apogee.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import io.apogee.protocol.header.GetMaxOffsetRequestHeader;
import io.apogee.protocol.header.GetMaxOffsetResponseHeader;
import io.apogee.protocol.header.GetMinOffsetRequestHeader;
import io.apogee.protocol.header.GetMinOffsetResponseHeader;
import io.apogee.protocol.header.SearchOffsetRequestHeader;
import io.apogee.protocol.header.SearchOffsetResponseHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.netty.channel.Channel;

/** GET_MAX_OFFSET, GET_MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP and GET_EARLIEST_MSG_STORETIME: questions about a queue's extent. */
public class QueueOffsetProcessor implements SyncProcessor {
    private final MessageStore store;

    public QueueOffsetProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.GET_MAX_OFFSET -> {
                GetMaxOffsetRequestHeader header = request.readCustomHeader(GetMaxOffsetRequestHeader.class);
                GetMaxOffsetResponseHeader response = new GetMaxOffsetResponseHeader();
                response.setOffset(store.getMaxOffsetInQueue(header.getTopic(), header.getQueueId()));
                return Responses.success(request, response);
            }
            case RequestCode.GET_MIN_OFFSET -> {
                GetMinOffsetRequestHeader header = request.readCustomHeader(GetMinOffsetRequestHeader.class);
                GetMinOffsetResponseHeader response = new GetMinOffsetResponseHeader();
                response.setOffset(store.getMinOffsetInQueue(header.getTopic(), header.getQueueId()));
                return Responses.success(request, response);
            }
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> {
                SearchOffsetRequestHeader header = request.readCustomHeader(SearchOffsetRequestHeader.class);
                SearchOffsetResponseHeader response = new SearchOffsetResponseHeader();
                response.setOffset(store.getOffsetInQueueByTime(header.getTopic(), header.getQueueId(), header.getTimestamp()));
                return Responses.success(request, response);
            }
            case RequestCode.GET_EARLIEST_MSG_STORETIME -> {
                GetEarliestMsgStoretimeRequestHeader header = request.readCustomHeader(GetEarliestMsgStoretimeRequestHeader.class);
                GetEarliestMsgStoretimeResponseHeader response = new GetEarliestMsgStoretimeResponseHeader();
                response.setTimestamp(store.getEarliestMessageTime(header.getTopic(), header.getQueueId()));
                return Responses.success(request, response);
            }
            default -> {
                return Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
            }
        }
    }
}
