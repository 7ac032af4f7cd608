package io.apogee.tools;

import io.apogee.protocol.ConfigLoader;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.body.ConsumerConnection;
import io.apogee.protocol.header.GetConsumerConnectionListRequestHeader;
import io.apogee.remoting.header.CommandCustomHeader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Requests to one broker that {@link io.apogee.client.admin.DefaultMQAdminExt} has no method for,
 * sent over the admin client's own connections: broker configuration and a group's connections on
 * a given broker.
 */
public final class BrokerRequests {
    private final AdminSession session;

    public BrokerRequests(AdminSession session) {
        this.session = session;
    }

    /** GET_BROKER_CONFIG: the broker's live settings, sorted by name. */
    public Map<String, String> brokerConfig(String addr) throws Exception {
        byte[] body = call(addr, RequestCode.GET_BROKER_CONFIG, null, null);
        Properties properties = ConfigLoader.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        Map<String, String> sorted = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> sorted.put(name, properties.getProperty(name)));
        return sorted;
    }

    /** UPDATE_BROKER_CONFIG: the broker applies the value to its live configuration. */
    public void updateBrokerConfig(String addr, String key, String value) throws Exception {
        Properties update = new Properties();
        update.setProperty(key, value);
        call(addr, RequestCode.UPDATE_BROKER_CONFIG, null, ConfigLoader.toText(update).getBytes(StandardCharsets.UTF_8));
    }

    /** GET_CONSUMER_CONNECTION_LIST on the given broker rather than on one picked from the group's route. */
    public ConsumerConnection consumerConnection(String addr, String group) throws Exception {
        GetConsumerConnectionListRequestHeader header = new GetConsumerConnectionListRequestHeader();
        header.setConsumerGroup(group);
        return Json.parse(call(addr, RequestCode.GET_CONSUMER_CONNECTION_LIST, header, null), ConsumerConnection.class);
    }

    private byte[] call(String addr, int code, CommandCustomHeader header, byte[] body) throws Exception {
        return session.api().invokeExpectingSuccess(addr, code, header, body, session.timeoutMillis()).getBody();
    }
}
