package io.apogee.broker.processor;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.BrokerExecutors;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.protocol.ConfigLoader;
import io.apogee.protocol.DataVersion;
import io.apogee.protocol.Json;
import io.apogee.protocol.KVTable;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.GetBrokerConfigResponseHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStore;
import io.apogee.store.StoreStats;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET_BROKER_RUNTIME_INFO, GET_BROKER_CONFIG and UPDATE_BROKER_CONFIG. */
public class BrokerInfoProcessor implements SyncProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerInfoProcessor.class);
    /** What mqadmin prints as the broker version. */
    private static final String VERSION_DESC = "V5_2_0";
    private static final int VERSION = RemotingCommand.CURRENT_VERSION;

    private final BrokerConfig brokerConfig;
    private final MessageStore store;
    private final BrokerExecutors executors;
    private final TopicConfigManager topicManager;
    private final long bootTimestamp = System.currentTimeMillis();
    private final DataVersion configVersion = new DataVersion();

    public BrokerInfoProcessor(BrokerConfig brokerConfig, MessageStore store, BrokerExecutors executors, TopicConfigManager topicManager) {
        this.brokerConfig = brokerConfig;
        this.store = store;
        this.executors = executors;
        this.topicManager = topicManager;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) {
        return switch (request.getCode()) {
            case RequestCode.GET_BROKER_RUNTIME_INFO -> Responses.json(request, new KVTable(runtimeInfo()));
            case RequestCode.GET_BROKER_CONFIG -> getConfig(request);
            case RequestCode.UPDATE_BROKER_CONFIG -> updateConfig(request);
            default -> Responses.error(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand getConfig(RemotingCommand request) {
        String text = ConfigLoader.toText(ConfigLoader.toProperties(brokerConfig, store.getMessageStoreConfig()));
        GetBrokerConfigResponseHeader header = new GetBrokerConfigResponseHeader();
        synchronized (configVersion) {
            header.setVersion(Json.toJson(configVersion));
        }
        return Responses.success(request, header).setBody(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Applies the properties to the live configs; a permission change is re-announced to the name servers. */
    private RemotingCommand updateConfig(RemotingCommand request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return Responses.error(request, ResponseCode.SYSTEM_ERROR, "the properties body is missing");
        }
        Properties props = ConfigLoader.parse(new String(body, StandardCharsets.UTF_8));
        int permBefore = brokerConfig.getBrokerPermission();
        ConfigLoader.apply(props, brokerConfig, store.getMessageStoreConfig()).forEach(line -> LOG.warn("config update ignores {}", line));
        synchronized (configVersion) {
            configVersion.nextVersion();
        }
        if (permBefore != brokerConfig.getBrokerPermission()) {
            topicManager.touch();
        }
        return Responses.success(request);
    }

    private Map<String, String> runtimeInfo() {
        StoreStats stats = store.getStats();
        long now = System.currentTimeMillis();
        Map<String, String> info = new HashMap<>();
        info.put("brokerVersionDesc", VERSION_DESC);
        info.put("brokerVersion", String.valueOf(VERSION));
        info.put("brokerActive", "true");
        info.put("bootTimestamp", String.valueOf(bootTimestamp));
        info.put("runtime", runtime(now - bootTimestamp));
        String tps = String.format("%.2f %.2f %.2f", stats.putTps(), stats.putTps(), stats.putTps());
        info.put("putTps", tps);
        info.put("getTransferredTps", "0.00 0.00 0.00");
        info.put("getFoundTps", "0.00 0.00 0.00");
        info.put("getMissTps", "0.00 0.00 0.00");
        info.put("getTotalTps", "0.00 0.00 0.00");
        info.put("msgPutTotalTodayNow", String.valueOf(stats.putMessageTimesTotal()));
        info.put("msgPutTotalTodayMorning", "0");
        info.put("msgPutTotalYesterdayMorning", "0");
        info.put("msgGetTotalTodayNow", String.valueOf(stats.getMessageTimesTotalFound()));
        info.put("msgGetTotalTodayMorning", "0");
        info.put("msgGetTotalYesterdayMorning", "0");
        info.put("putMessageTimesTotal", String.valueOf(stats.putMessageTimesTotal()));
        info.put("putMessageSizeTotal", String.valueOf(stats.putMessageSizeTotal()));
        info.put("putMessageAverageSize", String.valueOf(stats.putMessageTimesTotal() == 0 ? 0
                : stats.putMessageSizeTotal() / (double) stats.putMessageTimesTotal()));
        info.put("putLatency99", String.valueOf(stats.putLatencyP99Micros() / 1000.0));
        info.put("putLatency999", String.valueOf(stats.putLatencyP999Micros() / 1000.0));
        info.put("putMessageEntireTimeMax", String.valueOf(stats.putLatencyMaxMicros() / 1000));
        info.put("dispatchBehindBytes", String.valueOf(stats.dispatchBehindBytes()));
        info.put("commitLogMinOffset", String.valueOf(stats.commitLogMinOffset()));
        info.put("commitLogMaxOffset", String.valueOf(stats.commitLogMaxOffset()));
        info.put("commitLogDiskRatio", String.valueOf(stats.diskUsedRatio()));
        info.put("consumeQueueDiskRatio", String.valueOf(stats.diskUsedRatio()));
        info.put("earliestMessageTimeStamp", String.valueOf(Math.max(0, store.getEarliestMessageTime())));
        info.put("pageCacheLockTimeMills", "0");
        info.put("startAcceptSendRequestTimeStamp", "0");
        pool(info, "sendThreadPool", executors.send());
        pool(info, "pullThreadPool", executors.pull());
        pool(info, "queryThreadPool", executors.query());
        return info;
    }

    private static void pool(Map<String, String> info, String prefix, ThreadPoolExecutor executor) {
        info.put(prefix + "QueueSize", String.valueOf(executor.getQueue().size()));
        info.put(prefix + "QueueCapacity", String.valueOf(executor.getQueue().size() + executor.getQueue().remainingCapacity()));
        info.put(prefix + "QueueHeadWaitTimeMills", "0");
    }

    private static String runtime(long millis) {
        long seconds = millis / 1000;
        return String.format("[ %d days, %d hours, %d minutes, %d seconds ]",
                seconds / 86400, (seconds % 86400) / 3600, (seconds % 3600) / 60, seconds % 60);
    }
}
