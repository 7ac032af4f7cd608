package io.apogee.client.impl.producer;

import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.Validators;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.UniqueIdGenerator;
import io.apogee.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Several messages of one topic sent as one SEND_BATCH_MESSAGE; each keeps its own properties and unique id. */
public final class MessageBatch extends Message {
    private final List<Message> messages;

    private MessageBatch(List<Message> messages) {
        this.messages = messages;
    }

    /** Checks the rules of message.md §6 and gives every message its unique id. */
    public static MessageBatch generateFromList(Collection<? extends Message> messages, int maxMessageSize) throws MQClientException {
        if (messages == null || messages.isEmpty()) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "a batch needs at least one message");
        }
        List<Message> list = new ArrayList<>(messages);
        Message first = list.get(0);
        long totalSize = 0;
        for (Message msg : list) {
            Validators.checkMessage(msg, maxMessageSize);
            if (msg.getDelayTimeLevel() > 0) {
                throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "TimeDelayLevel is not supported for batching");
            }
            if (msg.getTopic().startsWith("%RETRY%")) {
                throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "Retry Group is not supported for batching");
            }
            if (!msg.getTopic().equals(first.getTopic())) {
                throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "The topic of the messages in one batch should be the same");
            }
            if (msg.isWaitStoreMsgOK() != first.isWaitStoreMsgOK()) {
                throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL, "The waitStoreMsgOK of the messages in one batch should the same");
            }
            if (msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX) == null) {
                msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, UniqueIdGenerator.createUniqId());
            }
            totalSize += msg.getBody().length + msg.getTopic().length() + 64L;
        }
        if (totalSize > maxMessageSize) {
            throw new MQClientException(ResponseCode.MESSAGE_ILLEGAL,
                    "the batch is " + totalSize + " bytes, more than maxMessageSize " + maxMessageSize + "; split it");
        }
        MessageBatch batch = new MessageBatch(list);
        batch.setTopic(first.getTopic());
        batch.setWaitStoreMsgOK(first.isWaitStoreMsgOK());
        batch.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, UniqueIdGenerator.createUniqId());
        batch.setBody(BatchEncoder.encode(list));
        return batch;
    }

    public List<Message> messages() {
        return messages;
    }

    /** The messages' unique ids joined with ',', the batch's {@code SendResult.msgId}. */
    public String uniqueIds() {
        return String.join(",", messages.stream()
                .map(m -> m.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)).filter(Objects::nonNull).toList());
    }
}
