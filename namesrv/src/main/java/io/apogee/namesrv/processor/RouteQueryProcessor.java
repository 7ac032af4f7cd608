package io.apogee.namesrv.processor;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.kv.KvConfigManager;
import io.apogee.namesrv.route.RouteInfoManager;
import io.apogee.protocol.Json;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.namesrv.GetRouteInfoRequestHeader;
import io.apogee.protocol.namesrv.KvNamespace;
import io.apogee.protocol.namesrv.ZoneFields;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * GET_ROUTEINFO_BY_TOPIC, the name server's hot path (every client asks for every topic it uses every
 * 30 s). Runs on its own executor. The body is always standard JSON with quoted map keys, which both
 * client lines parse whatever their version.
 */
public final class RouteQueryProcessor implements RequestProcessor {
    /** The remark the official name server gives, including its FAQ pointer, so client error text matches. */
    static final String NO_ROUTE_REMARK = "No topic route info in name server for the topic: %s"
            + "\nSee https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.";

    private final NamesrvConfig config;
    private final RouteInfoManager routes;
    private final KvConfigManager kvConfig;

    public RouteQueryProcessor(NamesrvConfig config, RouteInfoManager routes, KvConfigManager kvConfig) {
        this.config = config;
        this.routes = routes;
        this.kvConfig = kvConfig;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws RemotingCommandException {
        String topic = request.readCustomHeader(GetRouteInfoRequestHeader.class).getTopic();
        TopicRouteData route = routes.pickupTopicRouteData(topic);
        if (route == null) {
            return Responses.done(Responses.error(request, ResponseCode.TOPIC_NOT_EXIST, NO_ROUTE_REMARK.formatted(topic)));
        }
        if (config.isOrderMessageEnable()) {
            route.setOrderTopicConf(kvConfig.get(KvNamespace.ORDER_TOPIC_CONFIG, topic));
        }
        String zone = request.extField(ZoneFields.ZONE_NAME);
        if (Boolean.parseBoolean(request.extField(ZoneFields.ZONE_MODE)) && zone != null && !zone.isBlank()) {
            route = ZoneRouteFilter.filter(route, zone);
        }
        return Responses.done(Responses.success(request).setBody(Json.toBytes(route)));
    }
}
