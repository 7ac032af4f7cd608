package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.QueryMessageRequestHeader;
import io.apogee.protocol.header.QueryMessageResponseHeader;
import io.apogee.protocol.header.ViewMessageRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.apogee.store.QueryMessageResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

/** QUERY_MESSAGE (by key or unique id, through the index) and VIEW_MESSAGE_BY_ID (by commit-log offset). */
public class QueryMessageProcessor implements SyncProcessor {
    /** Ext field telling that the key is a message's unique id. */
    static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    private final BrokerConfig brokerConfig;
    private final MessageStore store;

    public QueryMessageProcessor(BrokerConfig brokerConfig, MessageStore store) {
        this.brokerConfig = brokerConfig;
        this.store = store;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.QUERY_MESSAGE -> query(request);
            case RequestCode.VIEW_MESSAGE_BY_ID -> view(request);
            default -> Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand query(RemotingCommand request) throws Exception {
        QueryMessageRequestHeader header = request.readCustomHeader(QueryMessageRequestHeader.class);
        int maxNum = "true".equals(request.extField(UNIQUE_KEY_QUERY)) ? brokerConfig.getDefaultQueryMaxNum() : header.getMaxNum();
        QueryMessageResult result = store.queryMessage(header.getTopic(), header.getKey(), maxNum,
                header.getBeginTimestamp(), header.getEndTimestamp());
        QueryMessageResponseHeader responseHeader = new QueryMessageResponseHeader();
        responseHeader.setIndexLastUpdateTimestamp(result.getIndexLastUpdateTimestamp());
        responseHeader.setIndexLastUpdatePhyoffset(result.getIndexLastUpdatePhyoffset());
        if (result.getMessageBufferList().isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                    "can not find message, maybe time range not correct", responseHeader);
        }
        RemotingCommand response = Responses.success(request, responseHeader);
        response.setBodyBuffer(Unpooled.wrappedBuffer(result.getMessageBufferList().toArray(new ByteBuf[0])));
        return response;
    }

    private RemotingCommand view(RemotingCommand request) throws Exception {
        ViewMessageRequestHeader header = request.readCustomHeader(ViewMessageRequestHeader.class);
        ByteBuf record = store.selectOneMessageByOffset(header.getOffset());
        if (record == null) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "can not find message by the offset, " + header.getOffset());
        }
        return Responses.success(request).setBodyBuffer(record);
    }
}
