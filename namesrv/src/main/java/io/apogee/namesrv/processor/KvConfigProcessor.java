package io.apogee.namesrv.processor;

import io.apogee.namesrv.kv.KvConfigManager;
import io.apogee.protocol.Json;
import io.apogee.protocol.KVTable;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.namesrv.DeleteKVConfigRequestHeader;
import io.apogee.protocol.namesrv.GetKVConfigRequestHeader;
import io.apogee.protocol.namesrv.GetKVConfigResponseHeader;
import io.apogee.protocol.namesrv.GetKVListByNamespaceRequestHeader;
import io.apogee.protocol.namesrv.PutKVConfigRequestHeader;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** PUT / GET / DELETE_KV_CONFIG and GET_KVLIST_BY_NAMESPACE over the persisted KV table. */
public final class KvConfigProcessor implements RequestProcessor {
    private final KvConfigManager kvConfig;

    public KvConfigProcessor(KvConfigManager kvConfig) {
        this.kvConfig = kvConfig;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws RemotingCommandException {
        return Responses.done(switch (request.getCode()) {
            case RequestCode.PUT_KV_CONFIG -> put(request);
            case RequestCode.GET_KV_CONFIG -> get(request);
            case RequestCode.DELETE_KV_CONFIG -> delete(request);
            case RequestCode.GET_KVLIST_BY_NAMESPACE -> list(request);
            default -> throw new IllegalArgumentException("not a KV request: " + request.getCode());
        });
    }

    private RemotingCommand put(RemotingCommand request) throws RemotingCommandException {
        PutKVConfigRequestHeader header = request.readCustomHeader(PutKVConfigRequestHeader.class);
        kvConfig.put(header.getNamespace(), header.getKey(), header.getValue());
        return Responses.success(request);
    }

    private RemotingCommand get(RemotingCommand request) throws RemotingCommandException {
        GetKVConfigRequestHeader header = request.readCustomHeader(GetKVConfigRequestHeader.class);
        String value = kvConfig.get(header.getNamespace(), header.getKey());
        if (value == null) {
            return Responses.error(request, ResponseCode.QUERY_NOT_FOUND,
                    "No config item, Namespace: " + header.getNamespace() + " Key: " + header.getKey());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, new GetKVConfigResponseHeader().setValue(value));
    }

    private RemotingCommand delete(RemotingCommand request) throws RemotingCommandException {
        DeleteKVConfigRequestHeader header = request.readCustomHeader(DeleteKVConfigRequestHeader.class);
        kvConfig.delete(header.getNamespace(), header.getKey());
        return Responses.success(request);
    }

    private RemotingCommand list(RemotingCommand request) throws RemotingCommandException {
        String namespace = request.readCustomHeader(GetKVListByNamespaceRequestHeader.class).getNamespace();
        Map<String, String> table = kvConfig.getNamespace(namespace);
        if (table == null) {
            return Responses.error(request, ResponseCode.QUERY_NOT_FOUND, "No config item, Namespace: " + namespace);
        }
        return Responses.success(request).setBody(Json.toBytes(new KVTable(table)));
    }
}
