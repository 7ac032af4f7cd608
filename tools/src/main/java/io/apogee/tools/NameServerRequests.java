package io.apogee.tools;

import io.apogee.client.impl.MQClientAPI;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.namesrv.AddWritePermOfBrokerRequestHeader;
import io.apogee.protocol.namesrv.AddWritePermOfBrokerResponseHeader;
import io.apogee.protocol.namesrv.DeleteKVConfigRequestHeader;
import io.apogee.protocol.namesrv.GetKVConfigRequestHeader;
import io.apogee.protocol.namesrv.GetKVConfigResponseHeader;
import io.apogee.protocol.namesrv.PutKVConfigRequestHeader;
import io.apogee.protocol.namesrv.WipeWritePermOfBrokerRequestHeader;
import io.apogee.protocol.namesrv.WipeWritePermOfBrokerResponseHeader;
import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.List;

/**
 * Requests to the name servers that {@link io.apogee.client.admin.DefaultMQAdminExt} has no method
 * for: KV settings and a broker's write permission. Changes go to every name server given with -n,
 * as with the official tool; reads ask any one of them.
 */
public final class NameServerRequests {
    private final AdminSession session;

    public NameServerRequests(AdminSession session) {
        this.session = session;
    }

    public List<String> addresses() {
        return session.admin().getNameServerAddressList();
    }

    public void putKvConfig(String namespace, String key, String value) throws Exception {
        PutKVConfigRequestHeader header = new PutKVConfigRequestHeader().setNamespace(namespace).setKey(key).setValue(value);
        for (String namesrv : addresses()) {
            call(namesrv, RequestCode.PUT_KV_CONFIG, header);
        }
    }

    public void deleteKvConfig(String namespace, String key) throws Exception {
        DeleteKVConfigRequestHeader header = new DeleteKVConfigRequestHeader().setNamespace(namespace).setKey(key);
        for (String namesrv : addresses()) {
            call(namesrv, RequestCode.DELETE_KV_CONFIG, header);
        }
    }

    /** The value, or "" when the name servers have none. */
    public String kvConfig(String namespace, String key) throws Exception {
        GetKVConfigRequestHeader header = new GetKVConfigRequestHeader().setNamespace(namespace).setKey(key);
        RemotingCommand response = session.api().invokeNameServer(RequestCode.GET_KV_CONFIG, header, null, session.timeoutMillis());
        if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
            return "";
        }
        String value = MQClientAPI.decode(MQClientAPI.expectSuccess(response, null), GetKVConfigResponseHeader.class, null).getValue();
        return value == null ? "" : value;
    }

    /** Takes write permission from the broker's topics on one name server; returns how many topics changed. */
    public int wipeWritePerm(String namesrv, String brokerName) throws Exception {
        RemotingCommand response = call(namesrv, RequestCode.WIPE_WRITE_PERM_OF_BROKER,
                new WipeWritePermOfBrokerRequestHeader().setBrokerName(brokerName));
        Integer count = MQClientAPI.decode(response, WipeWritePermOfBrokerResponseHeader.class, namesrv).getWipeTopicCount();
        return count == null ? 0 : count;
    }

    /** Gives write permission back to the broker's topics on one name server; returns how many topics changed. */
    public int addWritePerm(String namesrv, String brokerName) throws Exception {
        RemotingCommand response = call(namesrv, RequestCode.ADD_WRITE_PERM_OF_BROKER,
                new AddWritePermOfBrokerRequestHeader().setBrokerName(brokerName));
        Integer count = MQClientAPI.decode(response, AddWritePermOfBrokerResponseHeader.class, namesrv).getAddTopicCount();
        return count == null ? 0 : count;
    }

    private RemotingCommand call(String namesrv, int code, CommandCustomHeader header) throws Exception {
        return session.api().invokeExpectingSuccess(namesrv, code, header, null, session.timeoutMillis());
    }
}
