package io.apogee.client.impl;

import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.ConsumeMessageDirectlyResult;
import io.apogee.protocol.body.ConsumerRunningInfo;
import io.apogee.protocol.body.GetConsumerStatusBody;
import io.apogee.protocol.body.ResetOffsetBody;
import io.apogee.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import io.apogee.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.apogee.protocol.header.GetConsumerStatusRequestHeader;
import io.apogee.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import io.apogee.protocol.header.ResetOffsetRequestHeader;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.netty.RemotingAddress;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the requests brokers send to clients over the client's own connections (wire.md §11). */
final class ClientRemotingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRemotingProcessor.class);
    private final MQClientInstance instance;

    ClientRemotingProcessor(MQClientInstance instance) {
        this.instance = instance;
    }

    void registerTo(NettyRemotingClient remoting, ExecutorService executor) {
        remoting.registerProcessor(RequestCode.CHECK_TRANSACTION_STATE, this::checkTransactionState, executor);
        remoting.registerProcessor(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, this::notifyConsumerIdsChanged, executor);
        remoting.registerProcessor(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, this::resetOffset, executor);
        remoting.registerProcessor(RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, this::getConsumerStatus, executor);
        remoting.registerProcessor(RequestCode.GET_CONSUMER_RUNNING_INFO, this::getConsumerRunningInfo, executor);
        remoting.registerProcessor(RequestCode.CONSUME_MESSAGE_DIRECTLY, this::consumeMessageDirectly, executor);
    }

    private CompletableFuture<RemotingCommand> checkTransactionState(Channel channel, RemotingCommand request) throws Exception {
        CheckTransactionStateRequestHeader header = request.readCustomHeader(CheckTransactionStateRequestHeader.class);
        MessageExt msg = request.getBody() == null ? null : MessageCodec.decode(ByteBuffer.wrap(request.getBody()), true, true);
        if (msg == null) {
            LOG.warn("CHECK_TRANSACTION_STATE without a decodable message");
            return CompletableFuture.completedFuture(null);
        }
        String uniqKey = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (uniqKey != null && !uniqKey.isEmpty()) {
            msg.setTransactionId(uniqKey);
        }
        String group = msg.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        MQProducerInner producer = group == null ? null : instance.selectProducer(group);
        if (producer != null) {
            producer.checkTransactionState(RemotingAddress.remote(channel), msg, header);
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<RemotingCommand> notifyConsumerIdsChanged(Channel channel, RemotingCommand request) throws Exception {
        NotifyConsumerIdsChangedRequestHeader header = request.readCustomHeader(NotifyConsumerIdsChangedRequestHeader.class);
        LOG.info("consumer ids of {} changed, rebalancing now", header.getConsumerGroup());
        instance.rebalanceImmediately();
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<RemotingCommand> resetOffset(Channel channel, RemotingCommand request) throws Exception {
        ResetOffsetRequestHeader header = request.readCustomHeader(ResetOffsetRequestHeader.class);
        MQConsumerInner consumer = instance.selectConsumer(header.getGroup());
        if (consumer != null && request.getBody() != null) {
            ResetOffsetBody body = Json.parse(request.getBody(), ResetOffsetBody.class);
            consumer.resetOffset(header.getTopic(), body.getOffsetTable());
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<RemotingCommand> getConsumerStatus(Channel channel, RemotingCommand request) throws Exception {
        GetConsumerStatusRequestHeader header = request.readCustomHeader(GetConsumerStatusRequestHeader.class);
        MQConsumerInner consumer = instance.selectConsumer(header.getGroup());
        GetConsumerStatusBody body = new GetConsumerStatusBody();
        if (consumer != null) {
            body.setMessageQueueTable(consumer.currentOffsets(header.getTopic()));
        }
        return CompletableFuture.completedFuture(
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).setBody(Json.toBytes(body)));
    }

    private CompletableFuture<RemotingCommand> consumeMessageDirectly(Channel channel, RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyResultRequestHeader header = request.readCustomHeader(ConsumeMessageDirectlyResultRequestHeader.class);
        MQConsumerInner consumer = instance.selectConsumer(header.getConsumerGroup());
        MessageExt msg = request.getBody() == null ? null : MessageCodec.decode(ByteBuffer.wrap(request.getBody()), true, true);
        ConsumeMessageDirectlyResult result = consumer == null || msg == null ? null : consumer.consumeMessageDirectly(msg, header.getBrokerName());
        if (result == null) {
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "The Consumer Group <" + header.getConsumerGroup() + "> not exist in this consumer"));
        }
        return CompletableFuture.completedFuture(
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).setBody(Json.toBytes(result)));
    }

    private CompletableFuture<RemotingCommand> getConsumerRunningInfo(Channel channel, RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader header = request.readCustomHeader(GetConsumerRunningInfoRequestHeader.class);
        MQConsumerInner consumer = instance.selectConsumer(header.getConsumerGroup());
        if (consumer == null) {
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "The Consumer Group <" + header.getConsumerGroup() + "> not exist in this consumer"));
        }
        ConsumerRunningInfo info = consumer.consumerRunningInfo();
        Map<String, String> props = info.getProperties();
        props.put("PROP_NAMESERVER_ADDR", String.join(";", instance.getMQClientAPI().getNameServerAddressList()));
        props.put("PROP_CLIENT_VERSION", "V5_2_0");
        props.put("PROP_CONSUMER_START_TIMESTAMP", String.valueOf(instance.getStartTimestamp()));
        if (header.isJstackEnable()) {
            info.setJstack(ThreadDumps.all());
        }
        return CompletableFuture.completedFuture(
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).setBody(Json.toBytes(info)));
    }
}
