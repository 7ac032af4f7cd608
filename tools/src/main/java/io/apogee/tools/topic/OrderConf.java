package io.apogee.tools.topic;

import io.apogee.client.impl.MQClientAPI;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.namesrv.GetKVConfigRequestHeader;
import io.apogee.protocol.namesrv.GetKVConfigResponseHeader;
import io.apogee.protocol.namesrv.KvNamespace;
import io.apogee.protocol.namesrv.PutKVConfigRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.tools.AdminSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An ordered topic's queue layout as the name servers keep it (KV namespace ORDER_TOPIC_CONFIG,
 * {@code brokerName:queueNums;...}); clients of ordered topics get it with the route.
 */
final class OrderConf {
    private final AdminSession session;

    OrderConf(AdminSession session) {
        this.session = session;
    }

    /** Puts the layout on every name server. */
    void put(String topic, String conf) throws Exception {
        PutKVConfigRequestHeader header = new PutKVConfigRequestHeader()
                .setNamespace(KvNamespace.ORDER_TOPIC_CONFIG).setKey(topic).setValue(conf);
        for (String namesrv : session.admin().getNameServerAddressList()) {
            session.api().invokeExpectingSuccess(namesrv, RequestCode.PUT_KV_CONFIG, header, null, session.timeoutMillis());
        }
    }

    /** The layout the name servers have for the topic, or "" when none. */
    String get(String topic) throws Exception {
        GetKVConfigRequestHeader header = new GetKVConfigRequestHeader().setNamespace(KvNamespace.ORDER_TOPIC_CONFIG).setKey(topic);
        RemotingCommand response = session.api().invokeNameServer(RequestCode.GET_KV_CONFIG, header, null, session.timeoutMillis());
        if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
            return "";
        }
        String value = MQClientAPI.decode(MQClientAPI.expectSuccess(response, null), GetKVConfigResponseHeader.class, null).getValue();
        return value == null ? "" : value;
    }

    /** {@code existing} with the broker's entry added or replaced. */
    static String merge(String existing, String brokerName, int queueNums) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : existing.split(";")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                entries.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
            }
        }
        entries.put(brokerName, String.valueOf(queueNums));
        return entries.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
    }
}
