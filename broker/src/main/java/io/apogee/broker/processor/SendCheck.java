package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.client.RemoteAddress;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.broker.topic.TopicValidator;
import io.apogee.protocol.PermName;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.header.SendMessageRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;

/**
 * The checks every send passes before it reaches the store: broker writable, topic name legal and
 * not reserved, topic existing (or auto-created from the request's template), queue id in range and
 * the topic writable. Each failure carries the response code the official clients react to.
 */
final class SendCheck {
    private final BrokerConfig brokerConfig;
    private final TopicConfigManager topicManager;

    SendCheck(BrokerConfig brokerConfig, TopicConfigManager topicManager) {
        this.brokerConfig = brokerConfig;
        this.topicManager = topicManager;
    }

    /** The outcome: either the topic to write to or the error answer. */
    record Result(TopicConfig topicConfig, RemotingCommand error) {
        static Result fail(RemotingCommand request, int code, String remark) {
            return new Result(null, Responses.error(request, code, remark));
        }
    }

    /** {@code producer} is the connection, rendered only when a message or log line needs it. */
    Result check(RemotingCommand request, SendMessageRequestHeader header, Channel producer) {
        if (!PermName.isWriteable(brokerConfig.getBrokerPermission())) {
            return Result.fail(request, ResponseCode.NO_PERMISSION,
                    "the broker[" + brokerConfig.getBrokerIP1() + "] sending message is forbidden");
        }
        String topic = header.getTopic();
        String nameProblem = TopicValidator.checkName(topic);
        if (nameProblem != null) {
            int code = topic != null && topic.length() > TopicValidator.TOPIC_MAX_LENGTH
                    ? ResponseCode.MESSAGE_ILLEGAL : ResponseCode.SYSTEM_ERROR;
            return Result.fail(request, code, nameProblem);
        }
        if (TopicValidator.isNotAllowedSendTopic(topic)) {
            return Result.fail(request, ResponseCode.NO_PERMISSION, "Sending message to topic[" + topic + "] is forbidden.");
        }
        TopicConfig config = topicManager.select(topic);
        if (config == null) {
            config = topicManager.createTopicInSendMessageMethod(topic, header.getDefaultTopic(), RemoteAddress.of(producer),
                    header.getDefaultTopicQueueNums(), 0);
        }
        if (config == null) {
            return Result.fail(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic + "] not exist, apply first please!");
        }
        int queueId = header.getQueueId();
        int maxQueues = Math.max(config.getReadQueueNums(), config.getWriteQueueNums());
        if (queueId >= maxQueues) {
            return Result.fail(request, ResponseCode.SYSTEM_ERROR, "request queueId[" + queueId + "] is illegal, " + config
                    + " Producer: " + RemoteAddress.of(producer));
        }
        if (!PermName.isWriteable(config.getPerm())) {
            return Result.fail(request, ResponseCode.NO_PERMISSION, "the topic[" + topic + "] sending message is forbidden");
        }
        return new Result(config, null);
    }
}
