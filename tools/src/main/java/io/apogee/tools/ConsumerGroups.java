package io.apogee.tools;

import io.apogee.client.exception.MQClientException;
import io.apogee.protocol.ResponseCode;

/**
 * Group-wide queries find a group's brokers through its retry topic ({@code %RETRY%<group>}), which
 * exists once a consumer of the group has connected. Without it the name server's "no route for
 * %RETRY%..." would puzzle an operator; this says what it means.
 */
public final class ConsumerGroups {
    public static final String RETRY_PREFIX = "%RETRY%";

    private ConsumerGroups() {
    }

    public interface Query<T> {
        T get() throws Exception;
    }

    public static <T> T query(String group, Query<T> query) throws Exception {
        try {
            return query.get();
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                throw new ToolException("consumer group " + group + " is unknown: no consumer of it ever connected (no topic "
                        + RETRY_PREFIX + group + ")");
            }
            throw e;
        }
    }
}
