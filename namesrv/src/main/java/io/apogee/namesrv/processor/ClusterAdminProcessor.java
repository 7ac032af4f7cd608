package io.apogee.namesrv.processor;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.route.RouteInfoManager;
import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.TopicSysFlag;
import io.apogee.protocol.namesrv.AddWritePermOfBrokerRequestHeader;
import io.apogee.protocol.namesrv.AddWritePermOfBrokerResponseHeader;
import io.apogee.protocol.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.apogee.protocol.namesrv.GetTopicsByClusterRequestHeader;
import io.apogee.protocol.namesrv.WipeWritePermOfBrokerRequestHeader;
import io.apogee.protocol.namesrv.WipeWritePermOfBrokerResponseHeader;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/** Admin-tool requests over the route tables: cluster info, topic lists, topic deletion, write permission. */
public final class ClusterAdminProcessor implements RequestProcessor {
    /** The remark the official name server uses when a topic-list request is switched off by config. */
    static final String DISABLED = "disable";

    private final NamesrvConfig config;
    private final RouteInfoManager routes;

    public ClusterAdminProcessor(NamesrvConfig config, RouteInfoManager routes) {
        this.config = config;
        this.routes = routes;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws RemotingCommandException {
        return Responses.done(switch (request.getCode()) {
            case RequestCode.GET_BROKER_CLUSTER_INFO -> withBody(request, routes.getAllClusterInfo());
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER -> config.isEnableAllTopicList()
                    ? withBody(request, routes.getAllTopicList()) : disabled(request);
            case RequestCode.GET_TOPICS_BY_CLUSTER -> topicsByCluster(request);
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS -> withBody(request, routes.getSystemTopicList());
            case RequestCode.GET_UNIT_TOPIC_LIST -> topicList(request, routes.getTopicsBySysFlag(TopicSysFlag::hasUnitFlag));
            case RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST -> topicList(request, routes.getTopicsBySysFlag(TopicSysFlag::hasUnitSubFlag));
            case RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST -> topicList(request, routes.getTopicsBySysFlag(
                    flag -> !TopicSysFlag.hasUnitFlag(flag) && TopicSysFlag.hasUnitSubFlag(flag)));
            case RequestCode.DELETE_TOPIC_IN_NAMESRV -> deleteTopic(request);
            case RequestCode.WIPE_WRITE_PERM_OF_BROKER -> wipeWritePerm(request);
            case RequestCode.ADD_WRITE_PERM_OF_BROKER -> addWritePerm(request);
            default -> throw new IllegalArgumentException("not a cluster admin request: " + request.getCode());
        });
    }

    private RemotingCommand topicsByCluster(RemotingCommand request) throws RemotingCommandException {
        String cluster = request.readCustomHeader(GetTopicsByClusterRequestHeader.class).getCluster();
        return topicList(request, routes.getTopicsByCluster(cluster));
    }

    private RemotingCommand topicList(RemotingCommand request, Object body) {
        return config.isEnableTopicList() ? withBody(request, body) : disabled(request);
    }

    private RemotingCommand deleteTopic(RemotingCommand request) throws RemotingCommandException {
        DeleteTopicFromNamesrvRequestHeader header = request.readCustomHeader(DeleteTopicFromNamesrvRequestHeader.class);
        routes.deleteTopic(header.getTopic(), header.getClusterName());
        return Responses.success(request);
    }

    private RemotingCommand wipeWritePerm(RemotingCommand request) throws RemotingCommandException {
        String brokerName = request.readCustomHeader(WipeWritePermOfBrokerRequestHeader.class).getBrokerName();
        int count = routes.wipeWritePermOfBroker(brokerName);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                new WipeWritePermOfBrokerResponseHeader().setWipeTopicCount(count));
    }

    private RemotingCommand addWritePerm(RemotingCommand request) throws RemotingCommandException {
        String brokerName = request.readCustomHeader(AddWritePermOfBrokerRequestHeader.class).getBrokerName();
        int count = routes.addWritePermOfBroker(brokerName);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                new AddWritePermOfBrokerResponseHeader().setAddTopicCount(count));
    }

    private static RemotingCommand withBody(RemotingCommand request, Object body) {
        return Responses.success(request).setBody(Json.toBytes(body));
    }

    private static RemotingCommand disabled(RemotingCommand request) {
        return Responses.error(request, ResponseCode.SYSTEM_ERROR, DISABLED);
    }
}
