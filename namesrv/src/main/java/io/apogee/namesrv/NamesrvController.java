package io.apogee.namesrv;

import io.apogee.namesrv.kv.KvConfigManager;
import io.apogee.namesrv.processor.BrokerRequestProcessor;
import io.apogee.namesrv.processor.ClusterAdminProcessor;
import io.apogee.namesrv.processor.KvConfigProcessor;
import io.apogee.namesrv.processor.NamesrvConfigProcessor;
import io.apogee.namesrv.processor.RouteQueryProcessor;
import io.apogee.namesrv.route.RouteInfoManager;
import io.apogee.protocol.RequestCode;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.netty.NamedThreadFactory;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyServerConfig;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One name server: the route registry and KV table behind a remoting server. Route queries from
 * clients run on their own pool so a burst of broker registrations or admin calls cannot delay them.
 */
public final class NamesrvController {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvController.class);

    private final NamesrvConfig config;
    private final NettyServerConfig serverConfig;
    private final RouteInfoManager routes = new RouteInfoManager();
    private final KvConfigManager kvConfig;
    private NettyRemotingServer server;
    private ExecutorService defaultExecutor;
    private ExecutorService clientExecutor;
    private ScheduledExecutorService scanner;

    public NamesrvController(NamesrvConfig config, NettyServerConfig serverConfig) {
        this.config = config;
        this.serverConfig = serverConfig;
        this.kvConfig = new KvConfigManager(Path.of(config.getKvConfigPath()));
    }

    /** Starts serving; on failure (e.g. the port is taken) everything already started is stopped again. */
    public synchronized void start() {
        try {
            kvConfig.load();
            defaultExecutor = Executors.newFixedThreadPool(config.getDefaultThreadPoolNums(), new NamedThreadFactory("NamesrvDefault"));
            clientExecutor = Executors.newFixedThreadPool(config.getClientRequestThreadPoolNums(), new NamedThreadFactory("NamesrvClient"));
            server = new NettyRemotingServer(serverConfig);
            registerProcessors();
            server.setChannelEventListener(new BrokerHousekeeping(routes));
            server.start();
            scanner = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NamesrvBrokerScan"));
            long interval = config.getScanNotActiveBrokerInterval();
            scanner.scheduleAtFixedRate(this::scanNotActiveBrokers, interval, interval, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Netty rethrows bind failures as undeclared checked exceptions, hence Exception.
            shutdown();
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("name server failed to start: " + e.getMessage(), e);
        }
        LOG.info("name server listening on port {}", server.localPort());
    }

    private void registerProcessors() {
        register(new RouteQueryProcessor(config, routes, kvConfig), clientExecutor, RequestCode.GET_ROUTEINFO_BY_TOPIC);
        register(new BrokerRequestProcessor(config, routes, kvConfig), defaultExecutor,
                RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER, RequestCode.QUERY_DATA_VERSION,
                RequestCode.BROKER_HEARTBEAT, RequestCode.GET_BROKER_MEMBER_GROUP, RequestCode.REGISTER_TOPIC_IN_NAMESRV);
        register(new ClusterAdminProcessor(config, routes), defaultExecutor,
                RequestCode.GET_BROKER_CLUSTER_INFO, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
                RequestCode.GET_TOPICS_BY_CLUSTER, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS,
                RequestCode.GET_UNIT_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
                RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST, RequestCode.DELETE_TOPIC_IN_NAMESRV,
                RequestCode.WIPE_WRITE_PERM_OF_BROKER, RequestCode.ADD_WRITE_PERM_OF_BROKER);
        register(new KvConfigProcessor(kvConfig), defaultExecutor, RequestCode.PUT_KV_CONFIG, RequestCode.GET_KV_CONFIG,
                RequestCode.DELETE_KV_CONFIG, RequestCode.GET_KVLIST_BY_NAMESPACE);
        register(new NamesrvConfigProcessor(config, config, serverConfig), defaultExecutor,
                RequestCode.GET_NAMESRV_CONFIG, RequestCode.UPDATE_NAMESRV_CONFIG);
    }

    private void register(RequestProcessor processor, ExecutorService executor, int... codes) {
        for (int code : codes) {
            server.registerProcessor(code, processor, executor);
        }
    }

    /** A failing scan must not cancel the schedule, so it logs instead of throwing. */
    private void scanNotActiveBrokers() {
        try {
            routes.scanNotActiveBroker();
        } catch (RuntimeException e) {
            LOG.error("broker expiry scan failed", e);
        }
    }

    public synchronized void shutdown() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
        if (server != null) {
            server.shutdown();
        }
        for (ExecutorService executor : new ExecutorService[] {defaultExecutor, clientExecutor}) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        LOG.info("name server stopped");
    }

    /** The bound port (useful when configured with listenPort 0). */
    public int localPort() {
        return server.localPort();
    }

    public RouteInfoManager routeInfoManager() {
        return routes;
    }

    public KvConfigManager kvConfigManager() {
        return kvConfig;
    }
}
