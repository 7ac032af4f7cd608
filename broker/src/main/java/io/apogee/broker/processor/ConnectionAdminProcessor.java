package io.apogee.broker.processor;

import io.apogee.broker.client.ClientChannelInfo;
import io.apogee.broker.client.ConsumerGroupInfo;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.client.ProducerManager;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.Connection;
import io.apogee.protocol.body.ConsumerConnection;
import io.apogee.protocol.body.ProducerConnection;
import io.apogee.protocol.body.ProducerInfo;
import io.apogee.protocol.body.ProducerTableInfo;
import io.apogee.protocol.header.GetConsumerConnectionListRequestHeader;
import io.apogee.protocol.header.GetProducerConnectionListRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.List;

/** GET_CONSUMER_CONNECTION_LIST, GET_PRODUCER_CONNECTION_LIST and GET_ALL_PRODUCER_INFO: who is connected to this broker. */
public class ConnectionAdminProcessor implements SyncProcessor {
    private final ConsumerManager consumerManager;
    private final ProducerManager producerManager;

    public ConnectionAdminProcessor(ConsumerManager consumerManager, ProducerManager producerManager) {
        this.consumerManager = consumerManager;
        this.producerManager = producerManager;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception {
        if (request.getCode() == RequestCode.GET_CONSUMER_CONNECTION_LIST) {
            String group = request.readCustomHeader(GetConsumerConnectionListRequestHeader.class).getConsumerGroup();
            ConsumerGroupInfo info = consumerManager.group(group);
            if (info == null || info.isEmpty()) {
                return Responses.error(request, ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group[" + group + "] not online");
            }
            ConsumerConnection body = new ConsumerConnection();
            info.members().forEach(member -> body.getConnectionSet().add(connection(member)));
            body.setSubscriptionTable(new HashMap<>(info.subscriptions()));
            body.setConsumeType(info.consumeType());
            body.setMessageModel(info.messageModel());
            body.setConsumeFromWhere(info.consumeFromWhere());
            return Responses.json(request, body);
        }
        if (request.getCode() == RequestCode.GET_PRODUCER_CONNECTION_LIST) {
            String group = request.readCustomHeader(GetProducerConnectionListRequestHeader.class).getProducerGroup();
            List<ClientChannelInfo> members = producerManager.channelsOf(group);
            if (members.isEmpty()) {
                return Responses.error(request, ResponseCode.SYSTEM_ERROR, "the producer group[" + group + "] not exist");
            }
            ProducerConnection body = new ProducerConnection();
            members.forEach(member -> body.getConnectionSet().add(connection(member)));
            return Responses.json(request, body);
        }
        if (request.getCode() == RequestCode.GET_ALL_PRODUCER_INFO) {
            ProducerTableInfo table = new ProducerTableInfo();
            producerManager.snapshot().forEach((group, members) -> table.getData().put(group, members.stream().map(member -> {
                ProducerInfo info = new ProducerInfo();
                info.setClientId(member.clientId());
                info.setRemoteIP(member.remoteAddr());
                info.setLanguage(member.language());
                info.setVersion(member.version());
                info.setLastUpdateTimestamp(member.lastUpdateTimestamp());
                return info;
            }).toList()));
            return Responses.json(request, table);
        }
        return Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
    }

    private static Connection connection(ClientChannelInfo member) {
        Connection connection = new Connection();
        connection.setClientId(member.clientId());
        connection.setClientAddr(member.remoteAddr());
        connection.setLanguage(member.language());
        connection.setVersion(member.version());
        return connection;
    }
}
