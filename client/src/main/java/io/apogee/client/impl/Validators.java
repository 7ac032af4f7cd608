package io.apogee.client.impl;

import io.apogee.client.exception.MQClientException;
import io.apogee.common.message.Message;
import io.apogee.protocol.ResponseCode;
import java.util.regex.Pattern;

/** Argument checks with messages that say what is wrong, before anything goes on the wire. */
public final class Validators {
    private static final Pattern NAME = Pattern.compile("^[%|a-zA-Z0-9_-]+$");
    private static final int MAX_TOPIC_LENGTH = 127;
    private static final int MAX_GROUP_LENGTH = 255;

    private Validators() {
    }

    public static void checkGroup(String group) throws MQClientException {
        if (group == null || group.isBlank()) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the specified group is blank");
        }
        if (group.length() > MAX_GROUP_LENGTH) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR, "the specified group is longer than " + MAX_GROUP_LENGTH + " characters");
        }
        if (!NAME.matcher(group).matches()) {
            throw new MQClientException(ResponseCode.SYSTEM_ERROR,
                    "the specified group [" + group + "] contains illegal characters, allowed: ^[%|a-zA-Z0-9_-]+$");
        }
    }

    public static void checkTopic(String topic) throws MQClientException {
        if (topic == null || topic.isBlank()) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the specified topic is blank");
        }
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the specified topic is longer than " + MAX_TOPIC_LENGTH + " characters");
        }
        if (!NAME.matcher(topic).matches()) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL,
                    "the specified topic [" + topic + "] contains illegal characters, allowed: ^[%|a-zA-Z0-9_-]+$");
        }
    }

    public static void checkMessage(Message msg, int maxMessageSize) throws MQClientException {
        if (msg == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message is null");
        }
        checkTopic(msg.getTopic());
        if (msg.getBody() == null) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body is null");
        }
        if (msg.getBody().length == 0) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "the message body length is zero");
        }
        if (msg.getBody().length > maxMessageSize) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL,
                    "the message body size over max value, MAX: " + maxMessageSize + ", got: " + msg.getBody().length);
        }
    }
}
