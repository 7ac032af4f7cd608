package io.apogee.client.impl.producer;

import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.Validators;
import io.apogee.client.producer.DefaultMQProducer;
import io.apogee.common.message.Compression;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageProperties;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.common.message.UniqueIdGenerator;
import java.util.HashMap;
import java.util.Map;

/**
 * A validated message in its wire form: body (compressed when large), sysFlag and properties
 * string, plus the retry counters that travel in the header instead of the properties.
 */
record PreparedMessage(Message message, String topic, byte[] body, int sysFlag, String properties, boolean batch,
                       Integer reconsumeTimes, Integer maxReconsumeTimes, String msgId) {

    static PreparedMessage of(Message msg, DefaultMQProducer producer) throws MQClientException {
        if (msg instanceof MessageBatch batch) {
            return new PreparedMessage(msg, msg.getTopic(), msg.getBody(), 0, MessageProperties.encode(msg.getProperties()),
                    true, 0, null, batch.uniqueIds());
        }
        Validators.checkMessage(msg, producer.getMaxMessageSize());
        String uniqKey = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (uniqKey == null) {
            uniqKey = UniqueIdGenerator.createUniqId();
            msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniqKey);
        }
        int sysFlag = 0;
        byte[] body = msg.getBody();
        if (body.length >= producer.getCompressMsgBodyOverHowmuch()) {
            body = Compression.zlibCompress(body, Compression.DEFAULT_ZLIB_LEVEL);
            sysFlag |= MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE;
        }
        if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
            sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        }
        Map<String, String> props = new HashMap<>(msg.getProperties());
        Integer reconsumeTimes = 0;
        Integer maxReconsumeTimes = null;
        if (msg.getTopic().startsWith("%RETRY%")) {
            // A consumer re-sending a failed message itself: the counters go into the header.
            String reconsume = props.remove(MessageConst.PROPERTY_RECONSUME_TIME);
            String max = props.remove(MessageConst.PROPERTY_MAX_RECONSUME_TIMES);
            reconsumeTimes = reconsume == null ? 0 : Integer.valueOf(reconsume);
            maxReconsumeTimes = max == null ? null : Integer.valueOf(max);
        }
        return new PreparedMessage(msg, msg.getTopic(), body, sysFlag, MessageProperties.encode(props), false,
                reconsumeTimes, maxReconsumeTimes, uniqKey);
    }
}
