package io.apogee.broker;

import io.apogee.broker.client.Broker2Client;
import io.apogee.broker.client.ClientHousekeeping;
import io.apogee.broker.client.ConsumerManager;
import io.apogee.broker.client.ProducerManager;
import io.apogee.broker.client.RebalanceLockManager;
import io.apogee.broker.filter.SubscriptionFilters;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.longpolling.PullRequestHoldService;
import io.apogee.broker.offset.ConsumeProgress;
import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.outer.BrokerOuterAPI;
import io.apogee.broker.processor.BrokerInfoProcessor;
import io.apogee.broker.processor.ClientManageProcessor;
import io.apogee.broker.processor.ConnectionAdminProcessor;
import io.apogee.broker.processor.ConsumeProgressProcessor;
import io.apogee.broker.processor.ConsumerCallbackProcessor;
import io.apogee.broker.processor.ConsumerManageProcessor;
import io.apogee.broker.processor.ConsumerStatusProcessor;
import io.apogee.broker.processor.DelayOffsetProcessor;
import io.apogee.broker.processor.GroupAdminProcessor;
import io.apogee.broker.processor.LockBatchProcessor;
import io.apogee.broker.processor.PullMessageProcessor;
import io.apogee.broker.processor.QueryMessageProcessor;
import io.apogee.broker.processor.QueueOffsetProcessor;
import io.apogee.broker.processor.SendMessageProcessor;
import io.apogee.broker.processor.TopicAdminProcessor;
import io.apogee.broker.retry.SendMessageBackProcessor;
import io.apogee.broker.schedule.DelayLevelRedirect;
import io.apogee.broker.schedule.DelayLevels;
import io.apogee.broker.schedule.DelayOffsetTable;
import io.apogee.broker.schedule.RedirectingPut;
import io.apogee.broker.schedule.ScheduleMessageService;
import io.apogee.broker.slave.SlaveSynchronizer;
import io.apogee.broker.timer.TimerMessageService;
import io.apogee.broker.timer.TimerRedirect;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.broker.transaction.HalfMessageRedirect;
import io.apogee.broker.transaction.TransactionConfig;
import io.apogee.broker.transaction.TransactionalMessages;
import io.apogee.protocol.PermName;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.TopicConfigSerializeWrapper;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.netty.NamedThreadFactory;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.BrokerRole;
import io.apogee.store.MessageStore;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one broker: metadata managers, client registries, the store, request processors on the
 * remoting server, long polling, and the periodic tasks (offset flush, client expiry, name-server
 * registration). {@link #start()} and {@link #shutdown()} bring it all up and down in order.
 */
public class BrokerController {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerController.class);
    private static final int MIN_REGISTER_PERIOD = 10_000;
    private static final int MAX_REGISTER_PERIOD = 60_000;
    /** The fast ("VIP") port is listenPort minus this, as in RocketMQ. */
    private static final int FAST_PORT_OFFSET = 2;
    /** How long before a second starts the timer wheel loads that second's messages. */
    private static final long TIMER_LOOKAHEAD_MILLIS = 200;
    /** How often a slave copies the master's metadata (RocketMQ: every 60 s); a new master is copied at once. */
    private static final long SLAVE_SYNC_PERIOD = 60_000;

    private final BrokerConfig brokerConfig;
    private final MessageStore store;
    private final NettyRemotingServer server;
    /**
     * RocketMQ's "VIP channel" at listenPort - 2: clients with vipChannelEnabled send and administer
     * through it, and an Apache RocketMQ slave syncs its metadata through it. Everything but pulls
     * (long polling stays on the main port, as RocketMQ does). Null for an ephemeral listenPort,
     * which has no fixed neighbour.
     */
    private final NettyRemotingServer fastServer;
    private final BrokerOuterAPI outerAPI;
    private final TopicConfigManager topicManager;
    private final SubscriptionGroupManager groupManager;
    private final ConsumerOffsetManager offsetManager;
    private final ProducerManager producerManager;
    private final ConsumerManager consumerManager;
    private final RebalanceLockManager lockManager;
    private final ClientHousekeeping housekeeping;
    private final Broker2Client broker2Client;
    private final BrokerExecutors executors;
    private final PullMessageProcessor pullProcessor;
    private final PullRequestHoldService holdService;
    /** Every producer and send-back put goes through the redirects (delay levels). */
    private final RedirectingPut put;
    private final ScheduleMessageService scheduleService;
    private final TimerMessageService timerService;
    private final TransactionalMessages transactions;
    private final SubscriptionFilters filters;
    private final DelayOffsetTable delayOffsets;
    private final SlaveSynchronizer slaveSync;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BrokerScheduler"));
    /** Registration runs on its own thread so a slow name server never delays offset flushes. */
    private final ExecutorService registrar = Executors.newSingleThreadExecutor(new NamedThreadFactory("BrokerRegistrar"));
    private final AtomicBoolean registrationPending = new AtomicBoolean();
    private volatile boolean running;

    public BrokerController(BrokerConfig brokerConfig, NettyServerConfig serverConfig, NettyClientConfig clientConfig,
                            MessageStore store) {
        this.brokerConfig = brokerConfig;
        this.store = store;
        serverConfig.setListenPort(brokerConfig.getListenPort());
        this.server = new NettyRemotingServer(serverConfig);
        this.fastServer = fastServer(serverConfig);
        this.outerAPI = new BrokerOuterAPI(brokerConfig, clientConfig);
        Path configDir = Path.of(store.getMessageStoreConfig().getStorePathConfig());
        this.topicManager = new TopicConfigManager(brokerConfig, configDir);
        this.groupManager = new SubscriptionGroupManager(brokerConfig, configDir);
        this.offsetManager = new ConsumerOffsetManager(configDir);
        this.producerManager = new ProducerManager(brokerConfig.getChannelExpiredTimeout());
        this.broker2Client = new Broker2Client(server);
        this.consumerManager = new ConsumerManager(brokerConfig.getChannelExpiredTimeout(), broker2Client);
        this.lockManager = new RebalanceLockManager(brokerConfig.getRebalanceLockMaxLiveTime());
        this.housekeeping = new ClientHousekeeping(producerManager, consumerManager);
        this.executors = new BrokerExecutors(brokerConfig);
        this.filters = new SubscriptionFilters(brokerConfig.isEnablePropertyFilter());
        DelayLevels delayLevels = DelayLevels.parse(store.getMessageStoreConfig().getMessageDelayLevel());
        // Order matters: a half message waits for its commit first; a delay level wins over timer properties.
        this.put = new RedirectingPut(store, List.of(new HalfMessageRedirect(), new DelayLevelRedirect(delayLevels),
                new TimerRedirect(TimeUnit.SECONDS.toMillis(brokerConfig.getTimerMaxDelaySec()))));
        this.transactions = new TransactionalMessages(put, offsetManager, new TransactionConfig(brokerConfig.getTransactionTimeOut(),
                brokerConfig.getTransactionCheckInterval(), brokerConfig.getTransactionCheckMax(),
                TimeUnit.HOURS.toMillis(store.getMessageStoreConfig().getFileReservedTime())),
                this::transactionCheckRecipient, brokerConfig.getBrokerName());
        this.delayOffsets = new DelayOffsetTable(configDir);
        this.slaveSync = new SlaveSynchronizer(outerAPI, topicManager, groupManager, offsetManager, delayOffsets, store, scheduler);
        this.scheduleService = new ScheduleMessageService(store, delayLevels, delayOffsets,
                brokerConfig.getFlushDelayOffsetInterval());
        this.timerService = new TimerMessageService(store, Path.of(store.getMessageStoreConfig().getStorePathRootDir(), "timer"),
                brokerConfig.getTimerWheelSlots(), TIMER_LOOKAHEAD_MILLIS);
        this.pullProcessor = new PullMessageProcessor(brokerConfig, topicManager, groupManager, consumerManager, offsetManager,
                store, filters);
        long sweep = brokerConfig.isLongPollingEnable()
                ? brokerConfig.getLongPollingCheckIntervalMills() : brokerConfig.getShortPollingTimeMills();
        this.holdService = new PullRequestHoldService(store, pullProcessor, sweep);
        pullProcessor.attach(holdService, executors.pull());
    }

    public synchronized void start() {
        topicManager.load();
        groupManager.load();
        offsetManager.load();
        try {
            store.start();
        } catch (IOException e) {
            throw new UncheckedIOException("message store failed to start", e);
        }
        store.addDispatchListener(holdService);
        store.addDispatchListener((topic, queueId, offset, tagsCode, storeTime, properties) -> timerService.onArrival(topic));
        if (isSlave()) {
            // a slave writes nothing of its own: delivery of delayed, timed and half messages is the master's job
            delayOffsets.load();
        } else {
            scheduleService.start();
            timerService.start();
            transactions.start();
        }
        registerProcessors();
        server.setChannelEventListener(housekeeping);
        server.start();
        if (brokerConfig.getListenPort() == 0) {
            brokerConfig.setListenPort(server.localPort());
        }
        startFastServer();
        holdService.start();
        outerAPI.start();
        topicManager.setChangeListener(this::requestRegistration);
        scheduler.scheduleAtFixedRate(this::persistOffsets, brokerConfig.getFlushConsumerOffsetInterval(),
                brokerConfig.getFlushConsumerOffsetInterval(), TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(housekeeping::scanNotActive, brokerConfig.getClientScanIntervalMills(),
                brokerConfig.getClientScanIntervalMills(), TimeUnit.MILLISECONDS);
        int period = Math.max(MIN_REGISTER_PERIOD, Math.min(MAX_REGISTER_PERIOD, brokerConfig.getRegisterNameServerPeriod()));
        scheduler.scheduleAtFixedRate(this::requestRegistration, period, period, TimeUnit.MILLISECONDS);
        if (isSlave()) {
            scheduler.scheduleAtFixedRate(slaveSync::syncAll, SLAVE_SYNC_PERIOD, SLAVE_SYNC_PERIOD, TimeUnit.MILLISECONDS);
        }
        running = true;
        registerNow();
        LOG.info("broker {} ({}) started at {}, name servers {}", brokerConfig.getBrokerName(),
                brokerConfig.getBrokerClusterName(), brokerConfig.brokerAddr(), brokerConfig.getNamesrvAddr());
    }

    private void registerProcessors() {
        SendMessageProcessor send = new SendMessageProcessor(brokerConfig, topicManager, groupManager, put,
                () -> executors.send().getQueue().remainingCapacity() == 0);
        register(send, executors.send(), RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE);
        register(new SendMessageBackProcessor(brokerConfig, topicManager, groupManager, put), executors.send(),
                RequestCode.CONSUMER_SEND_MSG_BACK);
        register(transactions.endTransactionProcessor(), executors.send(), RequestCode.END_TRANSACTION);
        register(pullProcessor, executors.pull(), RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE);
        register(new QueryMessageProcessor(brokerConfig, store), executors.query(),
                RequestCode.QUERY_MESSAGE, RequestCode.VIEW_MESSAGE_BY_ID);
        register(new ClientManageProcessor(brokerConfig, producerManager, consumerManager, groupManager, topicManager, filters),
                executors.clientManage(),
                RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT, RequestCode.CHECK_CLIENT_CONFIG);
        register(new ConsumerManageProcessor(consumerManager, offsetManager, store), executors.consumerManage(),
                RequestCode.GET_CONSUMER_LIST_BY_GROUP, RequestCode.QUERY_CONSUMER_OFFSET, RequestCode.UPDATE_CONSUMER_OFFSET);
        register(new LockBatchProcessor(lockManager), executors.consumerManage(),
                RequestCode.LOCK_BATCH_MQ, RequestCode.UNLOCK_BATCH_MQ);
        register(new QueueOffsetProcessor(store), executors.admin(),
                RequestCode.GET_MAX_OFFSET, RequestCode.GET_MIN_OFFSET,
                RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, RequestCode.GET_EARLIEST_MSG_STORETIME);
        register(new TopicAdminProcessor(brokerConfig, topicManager, offsetManager, store), executors.admin(),
                RequestCode.UPDATE_AND_CREATE_TOPIC, RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.GET_ALL_TOPIC_CONFIG,
                RequestCode.GET_TOPIC_STATS_INFO, RequestCode.GET_TOPIC_CONFIG, RequestCode.CLEAN_UNUSED_TOPIC,
                RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE);
        register(new GroupAdminProcessor(groupManager, offsetManager, consumerManager), executors.admin(),
                RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
                RequestCode.GET_SUBSCRIPTIONGROUP_CONFIG, RequestCode.DELETE_SUBSCRIPTIONGROUP,
                RequestCode.GET_ALL_CONSUMER_OFFSET, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
                RequestCode.QUERY_TOPICS_BY_CONSUMER, RequestCode.QUERY_SUBSCRIPTION_BY_CONSUMER);
        ConsumeProgress progress = new ConsumeProgress(brokerConfig.getBrokerName(), topicManager, offsetManager, consumerManager, store);
        register(new ConsumeProgressProcessor(progress, offsetManager, consumerManager, groupManager, brokerConfig),
                executors.admin(), RequestCode.GET_CONSUME_STATS, RequestCode.GET_BROKER_CONSUME_STATS,
                RequestCode.QUERY_CONSUME_TIME_SPAN, RequestCode.CLONE_GROUP_OFFSET);
        register(new ConnectionAdminProcessor(consumerManager, producerManager), executors.admin(),
                RequestCode.GET_CONSUMER_CONNECTION_LIST, RequestCode.GET_PRODUCER_CONNECTION_LIST,
                RequestCode.GET_ALL_PRODUCER_INFO);
        register(new ConsumerCallbackProcessor(consumerManager, offsetManager, topicManager, store, broker2Client,
                brokerConfig.getBrokerName()), executors.admin(),
                RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS,
                RequestCode.GET_CONSUMER_RUNNING_INFO, RequestCode.CONSUME_MESSAGE_DIRECTLY);
        register(new ConsumerStatusProcessor(consumerManager, broker2Client), executors.admin(),
                RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS);
        register(new DelayOffsetProcessor(delayOffsets), executors.admin(), RequestCode.GET_ALL_DELAY_OFFSET);
        register(new BrokerInfoProcessor(brokerConfig, store, executors, topicManager), executors.admin(),
                RequestCode.GET_BROKER_RUNTIME_INFO, RequestCode.GET_BROKER_CONFIG, RequestCode.UPDATE_BROKER_CONFIG);
    }

    /** CHECK_TRANSACTION_STATE goes to any live producer of the half message's group; null when none is connected. */
    private Consumer<RemotingCommand> transactionCheckRecipient(String producerGroup) {
        Channel channel = producerManager.anyActiveChannel(producerGroup);
        return channel == null ? null : check -> broker2Client.oneway(channel, check);
    }

    private void register(RequestProcessor processor, ExecutorService executor, int... codes) {
        for (int code : codes) {
            server.registerProcessor(code, processor, executor);
            if (fastServer != null && code != RequestCode.PULL_MESSAGE && code != RequestCode.LITE_PULL_MESSAGE) {
                fastServer.registerProcessor(code, processor, executor);
            }
        }
    }

    private static NettyRemotingServer fastServer(NettyServerConfig serverConfig) {
        int fastPort = serverConfig.getListenPort() - FAST_PORT_OFFSET;
        if (fastPort <= 0) {
            return null;
        }
        NettyServerConfig fastConfig = serverConfig.copy();
        fastConfig.setListenPort(fastPort);
        return new NettyRemotingServer(fastConfig);
    }

    /**
     * Unlike RocketMQ, a taken fast port does not stop the broker: only the few clients that opt in
     * to the VIP channel need it, and the main port serves everything.
     */
    private void startFastServer() {
        if (fastServer == null) {
            return;
        }
        fastServer.setChannelEventListener(housekeeping);
        try {
            fastServer.start();
        } catch (IllegalStateException e) {
            LOG.warn("fast port {} unavailable, serving on {} only (clients with the VIP channel enabled cannot reach this broker): {}",
                    brokerConfig.getListenPort() - FAST_PORT_OFFSET, brokerConfig.getListenPort(), e.getMessage());
        }
    }

    /** Coalesces bursts of topic changes into one registration on the registrar thread. */
    private void requestRegistration() {
        if (running && registrationPending.compareAndSet(false, true)) {
            registrar.execute(() -> {
                registrationPending.set(false);
                registerNow();
            });
        }
    }

    private void registerNow() {
        try {
            var answers = outerAPI.registerBrokerAll(withBrokerPermission(topicManager.snapshot()), haServerAddr());
            if (isSlave()) {
                slaveSync.follow(answers);
            }
        } catch (RuntimeException e) {
            LOG.warn("registration with the name servers failed", e);
        }
    }

    /** Where slaves replicate from: the store's HA listener, else RocketMQ's default listenPort + 1. */
    private String haServerAddr() {
        int port = store.getHaListenPort();
        return brokerConfig.getBrokerIP2() + ":" + (port >= 0 ? port : brokerConfig.getListenPort() + 1);
    }

    private boolean isSlave() {
        return store.getMessageStoreConfig().getBrokerRole() == BrokerRole.SLAVE;
    }

    /**
     * A broker made read-only (or write-only) announces every topic with that restriction, so
     * producers (or consumers) move away from it without any topic being changed.
     */
    private TopicConfigSerializeWrapper withBrokerPermission(TopicConfigSerializeWrapper topics) {
        int brokerPerm = brokerConfig.getBrokerPermission();
        if (PermName.isReadable(brokerPerm) && PermName.isWriteable(brokerPerm)) {
            return topics;
        }
        topics.getTopicConfigTable().values().forEach(config -> config.setPerm(config.getPerm() & brokerPerm));
        return topics;
    }

    private void persistOffsets() {
        try {
            offsetManager.persist();
        } catch (RuntimeException e) {
            LOG.error("cannot persist consumer offsets", e);
        }
    }

    /** Unregisters, stops taking requests, answers parked pulls, then flushes offsets and the store. */
    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.shutdownNow();
        registrar.shutdownNow();
        outerAPI.unregisterBrokerAll();
        // Parked pulls are answered on the pull threads, so they drain before the server closes.
        holdService.shutdown();
        executors.shutdown();
        server.shutdown();
        if (fastServer != null) {
            fastServer.shutdown();
        }
        scheduleService.shutdown();
        timerService.shutdown();
        transactions.shutdown();
        persistOffsets();
        store.shutdown();
        outerAPI.shutdown();
        LOG.info("broker {} stopped", brokerConfig.getBrokerName());
    }

    public BrokerConfig brokerConfig() {
        return brokerConfig;
    }

    public String brokerAddr() {
        return brokerConfig.brokerAddr();
    }

    public TopicConfigManager topicManager() {
        return topicManager;
    }

    public SubscriptionGroupManager groupManager() {
        return groupManager;
    }

    public ConsumerOffsetManager offsetManager() {
        return offsetManager;
    }

    public ConsumerManager consumerManager() {
        return consumerManager;
    }

    public ProducerManager producerManager() {
        return producerManager;
    }

    public MessageStore store() {
        return store;
    }

    public PullRequestHoldService pullHoldService() {
        return holdService;
    }

    /** A slave's view of its master (address, metadata sync). */
    public SlaveSynchronizer slaveSynchronizer() {
        return slaveSync;
    }
}
