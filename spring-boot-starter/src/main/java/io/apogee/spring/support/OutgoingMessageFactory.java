package io.apogee.spring.support;

import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.messaging.MessageHeaders;

/**
 * Builds the Apogee message for a Spring {@link org.springframework.messaging.Message}: topic and tag
 * from the destination, body from the {@link PayloadCodec}, keys / flag / wait-store from their
 * {@link ApogeeHeaders}, and every other header as a user property (so SQL92 filters can see it).
 */
public class OutgoingMessageFactory {
    /** Headers Spring stamps on every message: per-message noise, not application data. */
    private static final Set<String> SPRING_HEADERS = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP);
    private static final Set<String> FIELD_HEADERS = Set.of(
            ApogeeHeaders.KEYS, ApogeeHeaders.PREFIX + ApogeeHeaders.KEYS, ApogeeHeaders.FLAG, ApogeeHeaders.WAIT_STORE_MSG_OK);

    private final PayloadCodec codec;

    /** Encodes payloads with {@code codec}. */
    public OutgoingMessageFactory(PayloadCodec codec) {
        this.codec = codec;
    }

    /** The message to send to {@code destination} ({@code topic[:tags]}). */
    public Message create(String destination, org.springframework.messaging.Message<?> source) {
        Destination target = Destination.parse(destination);
        Message message = new Message(target.topic(), target.tags(), codec.encode(source.getPayload()));
        MessageHeaders headers = source.getHeaders();
        String keys = keys(headers);
        if (keys != null) {
            message.setKeys(keys);
        }
        Object flag = headers.get(ApogeeHeaders.FLAG);
        if (flag != null) {
            message.setFlag(Integer.parseInt(flag.toString()));
        }
        Object waitStore = headers.get(ApogeeHeaders.WAIT_STORE_MSG_OK);
        if (waitStore != null) {
            message.setWaitStoreMsgOK(Boolean.parseBoolean(waitStore.toString()));
        }
        headers.forEach((name, value) -> {
            if (isUserProperty(name, value)) {
                message.putUserProperty(name, value.toString());
            }
        });
        return message;
    }

    private static String keys(MessageHeaders headers) {
        Object keys = headers.get(ApogeeHeaders.KEYS);
        if (keys == null) {
            keys = headers.get(ApogeeHeaders.PREFIX + ApogeeHeaders.KEYS);
        }
        if (keys instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).collect(Collectors.joining(MessageConst.KEY_SEPARATOR));
        }
        return keys == null ? null : keys.toString();
    }

    private static boolean isUserProperty(String name, Object value) {
        return value != null && !value.toString().isBlank()
                && !FIELD_HEADERS.contains(name) && !SPRING_HEADERS.contains(name)
                && !name.startsWith(ApogeeHeaders.PREFIX) && !MessageConst.isSystemProperty(name);
    }
}
