package io.apogee.client.impl.producer;

import io.apogee.client.exception.MQBrokerException;
import io.apogee.client.impl.MQClientAPI;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.client.producer.SendResult;
import io.apogee.common.message.MessageQueue;
import io.apogee.protocol.header.SendMessageRequestHeader;
import io.apogee.protocol.header.SendMessageRequestHeaderV2;
import io.apogee.remoting.exception.RemotingException;
import java.util.concurrent.CompletableFuture;

/** Sends one prepared message to one queue: builds the V2 header and fills in the result's unique id. */
final class MessageSender {
    private final DefaultMQProducer producer;
    private final MQClientAPI api;

    MessageSender(DefaultMQProducer producer, MQClientAPI api) {
        this.producer = producer;
        this.api = api;
    }

    SendResult sendSync(String addr, MessageQueue mq, PreparedMessage msg, long timeoutMillis)
            throws RemotingException, MQBrokerException, InterruptedException {
        SendResult result = api.sendMessageSync(addr, mq.getBrokerName(), msg.body(), header(mq, msg), msg.batch(), timeoutMillis);
        result.setMsgId(msg.msgId());
        return result;
    }

    CompletableFuture<SendResult> sendAsync(String addr, MessageQueue mq, PreparedMessage msg, long timeoutMillis) {
        return api.sendMessageAsync(addr, mq.getBrokerName(), msg.body(), header(mq, msg), msg.batch(), timeoutMillis)
                .thenApply(result -> {
                    result.setMsgId(msg.msgId());
                    return result;
                });
    }

    void sendOneway(String addr, MessageQueue mq, PreparedMessage msg, long timeoutMillis)
            throws RemotingException, InterruptedException {
        api.sendMessageOneway(addr, msg.body(), header(mq, msg), msg.batch(), timeoutMillis);
    }

    private SendMessageRequestHeaderV2 header(MessageQueue mq, PreparedMessage msg) {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setProducerGroup(producer.getProducerGroup());
        h.setTopic(msg.topic());
        h.setDefaultTopic(producer.getCreateTopicKey());
        h.setDefaultTopicQueueNums(producer.getDefaultTopicQueueNums());
        h.setQueueId(mq.getQueueId());
        h.setSysFlag(msg.sysFlag());
        h.setBornTimestamp(System.currentTimeMillis());
        h.setFlag(msg.message().getFlag());
        h.setProperties(msg.properties());
        h.setReconsumeTimes(msg.reconsumeTimes());
        h.setMaxReconsumeTimes(msg.maxReconsumeTimes());
        h.setBatch(msg.batch());
        h.setBname(mq.getBrokerName());
        return SendMessageRequestHeaderV2.fromV1(h);
    }
}
