package io.apogee.namesrv.processor;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.kv.KvConfigManager;
import io.apogee.namesrv.route.BrokerRegistration;
import io.apogee.namesrv.route.RegistrationResult;
import io.apogee.namesrv.route.RouteInfoManager;
import io.apogee.protocol.DataVersion;
import io.apogee.protocol.Json;
import io.apogee.protocol.KVTable;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.apogee.protocol.namesrv.BrokerHeartbeatRequestHeader;
import io.apogee.protocol.namesrv.GetBrokerMemberGroupRequestHeader;
import io.apogee.protocol.namesrv.GetBrokerMemberGroupResponseBody;
import io.apogee.protocol.namesrv.KvNamespace;
import io.apogee.protocol.namesrv.QueryDataVersionRequestHeader;
import io.apogee.protocol.namesrv.QueryDataVersionResponseHeader;
import io.apogee.protocol.namesrv.RegisterBrokerBody;
import io.apogee.protocol.namesrv.RegisterBrokerRequestHeader;
import io.apogee.protocol.namesrv.RegisterBrokerResponseHeader;
import io.apogee.protocol.namesrv.RegisterTopicRequestHeader;
import io.apogee.protocol.namesrv.UnRegisterBrokerRequestHeader;
import io.apogee.protocol.namesrv.ZoneFields;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests brokers send about themselves: registration, keepalive, shutdown, version checks. */
public final class BrokerRequestProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRequestProcessor.class);
    private final NamesrvConfig config;
    private final RouteInfoManager routes;
    private final KvConfigManager kvConfig;

    public BrokerRequestProcessor(NamesrvConfig config, RouteInfoManager routes, KvConfigManager kvConfig) {
        this.config = config;
        this.routes = routes;
        this.kvConfig = kvConfig;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws RemotingCommandException {
        return Responses.done(switch (request.getCode()) {
            case RequestCode.REGISTER_BROKER -> register(channel, request);
            case RequestCode.UNREGISTER_BROKER -> unregister(request);
            case RequestCode.QUERY_DATA_VERSION -> queryDataVersion(request);
            case RequestCode.BROKER_HEARTBEAT -> heartbeat(request);
            case RequestCode.GET_BROKER_MEMBER_GROUP -> memberGroup(request);
            case RequestCode.REGISTER_TOPIC_IN_NAMESRV -> registerTopic(request);
            default -> throw new IllegalArgumentException("not a broker request: " + request.getCode());
        });
    }

    private RemotingCommand register(Channel channel, RemotingCommand request) throws RemotingCommandException {
        RegisterBrokerRequestHeader header = request.readCustomHeader(RegisterBrokerRequestHeader.class);
        byte[] body = request.getBody();
        if (!crcMatches(header.getBodyCrc32(), body)) {
            LOG.warn("registration of {} at {} refused: body CRC32 mismatch", header.getBrokerName(), header.getBrokerAddr());
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "crc32 not match");
        }
        TopicConfigSerializeWrapper topics;
        try {
            topics = body == null ? emptyTable()
                    : RegisterBrokerBody.decode(body, header.isCompressed(), request.getVersion()).getTopicConfigSerializeWrapper();
        } catch (IllegalArgumentException e) {
            LOG.warn("registration of {} at {} refused: undecodable body", header.getBrokerName(), header.getBrokerAddr(), e);
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "Failed to decode RegisterBrokerBody: " + e.getMessage());
        }
        long timeout = header.getHeartbeatTimeoutMillis() != null ? header.getHeartbeatTimeoutMillis() : config.getBrokerChannelExpiredMillis();
        RegistrationResult result = routes.registerBroker(new BrokerRegistration(header.getClusterName(), header.getBrokerAddr(),
                header.getBrokerName(), header.getBrokerId(), header.getHaServerAddr(), request.extField(ZoneFields.ZONE_NAME),
                header.getEnableActingMaster(), timeout, topics, channel));
        if (!result.accepted()) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "register broker failed");
        }
        RemotingCommand response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                new RegisterBrokerResponseHeader().setMasterAddr(result.masterAddr()).setHaServerAddr(result.haServerAddr()));
        Map<String, String> orderTopics = kvConfig.getNamespace(KvNamespace.ORDER_TOPIC_CONFIG);
        if (config.isReturnOrderTopicConfigToBroker() && orderTopics != null) {
            response.setBody(Json.toBytes(new KVTable(orderTopics)));
        }
        return response;
    }

    /** The header carries the body's CRC32 masked to 31 bits; 0 or absent means the sender did not compute it. */
    private static boolean crcMatches(Integer expected, byte[] body) {
        if (expected == null || expected == 0) {
            return true;
        }
        CRC32 crc = new CRC32();
        if (body != null) {
            crc.update(body);
        }
        return (int) (crc.getValue() & 0x7FFFFFFF) == expected;
    }

    /** A registration without a body is a broker without topics, at version zero. */
    private static TopicConfigSerializeWrapper emptyTable() {
        return new TopicConfigSerializeWrapper(new DataVersion(0, 0), Map.of());
    }

    private RemotingCommand unregister(RemotingCommand request) throws RemotingCommandException {
        UnRegisterBrokerRequestHeader header = request.readCustomHeader(UnRegisterBrokerRequestHeader.class);
        routes.unregisterBroker(header.getClusterName(), header.getBrokerAddr(), header.getBrokerName(), header.getBrokerId());
        return Responses.success(request);
    }

    private RemotingCommand queryDataVersion(RemotingCommand request) throws RemotingCommandException {
        QueryDataVersionRequestHeader header = request.readCustomHeader(QueryDataVersionRequestHeader.class);
        if (request.getBody() == null) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "QUERY_DATA_VERSION needs the broker's DataVersion as body");
        }
        DataVersion brokerVersion = Json.parse(request.getBody(), DataVersion.class);
        boolean changed = routes.isBrokerTopicConfigChanged(header.getClusterName(), header.getBrokerAddr(), brokerVersion);
        if (!changed) {
            routes.touchBroker(header.getClusterName(), header.getBrokerAddr());
        }
        RemotingCommand response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                new QueryDataVersionResponseHeader().setChanged(changed));
        DataVersion known = routes.queryBrokerTopicConfig(header.getClusterName(), header.getBrokerAddr());
        if (known != null) {
            response.setBody(Json.toBytes(known));
        }
        return response;
    }

    private RemotingCommand heartbeat(RemotingCommand request) throws RemotingCommandException {
        BrokerHeartbeatRequestHeader header = request.readCustomHeader(BrokerHeartbeatRequestHeader.class);
        routes.touchBroker(header.getClusterName(), header.getBrokerAddr());
        return Responses.success(request);
    }

    private RemotingCommand memberGroup(RemotingCommand request) throws RemotingCommandException {
        GetBrokerMemberGroupRequestHeader header = request.readCustomHeader(GetBrokerMemberGroupRequestHeader.class);
        return Responses.success(request).setBody(Json.toBytes(
                new GetBrokerMemberGroupResponseBody(routes.getBrokerMemberGroup(header.getClusterName(), header.getBrokerName()))));
    }

    private RemotingCommand registerTopic(RemotingCommand request) throws RemotingCommandException {
        RegisterTopicRequestHeader header = request.readCustomHeader(RegisterTopicRequestHeader.class);
        if (request.getBody() != null) {
            routes.registerTopic(header.getTopic(), Json.parse(request.getBody(), TopicRouteData.class).getQueueDatas());
        }
        return Responses.success(request);
    }
}
