package io.apogee.compat.apache;

import static org.awaitility.Awaitility.await;

import io.apogee.client.impl.MQClientAPI;
import io.apogee.protocol.route.BrokerData;
import io.apogee.protocol.route.TopicRouteData;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Apache RocketMQ 5.2.0 name servers and master brokers running as child JVMs in a temp dir, for
 * testing our client against the reference implementation.
 */
final class ApacheRocketMQCluster implements AutoCloseable {
    static final String CLUSTER = "DefaultCluster";
    /**
     * Apache rounds a delivery time down to its timer precision (and an exact multiple one step
     * further), so a timed message may arrive up to this much before the time it asked for.
     */
    static final long TIMER_PRECISION_MS = 100;

    private final Path home;
    private final List<String> namesrvAddrs = new ArrayList<>();
    private final List<ChildJvm> namesrvs = new ArrayList<>();
    private final Map<String, ChildJvm> brokers = new LinkedHashMap<>();
    private final Map<String, String> brokerAddrs = new LinkedHashMap<>();

    private final boolean timedMessages;

    private ApacheRocketMQCluster(Path home, boolean timedMessages) {
        this.home = home;
        this.timedMessages = timedMessages;
    }

    /** Starts the name servers, then the brokers (broker-a, broker-b, …), and waits until every broker is routable. */
    static ApacheRocketMQCluster start(int namesrvCount, int brokerCount) throws IOException {
        return start(namesrvCount, brokerCount, false);
    }

    /**
     * As {@link #start(int, int)}; {@code timedMessages} turns on the brokers' timer wheel, which
     * TIMER_DELIVER_MS / TIMER_DELAY_* messages need (its own files and threads, off unless asked for).
     */
    static ApacheRocketMQCluster start(int namesrvCount, int brokerCount, boolean timedMessages) throws IOException {
        ApacheRocketMQCluster cluster = new ApacheRocketMQCluster(Files.createTempDirectory("apache-rocketmq"), timedMessages);
        try {
            for (int i = 0; i < namesrvCount; i++) {
                cluster.startNamesrv(i);
            }
            for (int i = 0; i < brokerCount; i++) {
                cluster.startBroker("broker-" + (char) ('a' + i));
            }
            cluster.awaitBrokersRoutable();
            return cluster;
        } catch (RuntimeException | IOException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startNamesrv(int index) throws IOException {
        int port = FreePorts.namesrvPort();
        Path dir = Files.createDirectories(home.resolve("namesrv-" + index));
        Path conf = dir.resolve("namesrv.conf");
        Files.writeString(conf, "listenPort=" + port + "\nkvConfigPath=" + dir.resolve("kvConfig.json") + "\n");
        ChildJvm jvm = ChildJvm.start("namesrv-" + index, dir, "256m", "org.apache.rocketmq.namesrv.NamesrvStartup",
                "-c", conf.toString());
        namesrvs.add(jvm);
        String addr = "127.0.0.1:" + port;
        namesrvAddrs.add(addr);
        awaitListening(jvm, port);
    }

    private void startBroker(String brokerName) throws IOException {
        int port = FreePorts.brokerPort();
        Path dir = Files.createDirectories(home.resolve(brokerName));
        Path store = dir.resolve("store");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("brokerClusterName", CLUSTER);
        props.put("brokerName", brokerName);
        props.put("brokerId", "0");
        props.put("brokerIP1", "127.0.0.1");
        props.put("listenPort", String.valueOf(port));
        props.put("haListenPort", String.valueOf(port + 1));
        props.put("namesrvAddr", String.join(";", namesrvAddrs));
        props.put("storePathRootDir", store.toString());
        props.put("storePathCommitLog", store.resolve("commitlog").toString());
        props.put("mappedFileSizeCommitLog", String.valueOf(64 * 1024 * 1024));
        props.put("mappedFileSizeConsumeQueue", String.valueOf(30_000 * 20));
        props.put("autoCreateTopicEnable", "true");
        props.put("autoCreateSubscriptionGroup", "true");
        props.put("flushDiskType", "ASYNC_FLUSH");
        // Timed messages (TIMER_DELIVER_MS): the finest precision Apache offers, and a small timer log.
        props.put("timerWheelEnable", String.valueOf(timedMessages));
        props.put("timerPrecisionMs", String.valueOf(TIMER_PRECISION_MS));
        props.put("mappedFileSizeTimerLog", String.valueOf(8 * 1024 * 1024));
        props.put("diskMaxUsedSpaceRatio", "99");
        // A shared, busy 2-core machine: do not reject sends that waited a little in the queue.
        props.put("waitTimeMillsInSendQueue", "3000");
        props.put("osPageCacheBusyTimeOutMills", "5000");
        // Transaction checks early and often, so the check-back test finishes quickly.
        props.put("transactionTimeOut", "3000");
        props.put("transactionCheckInterval", "2000");
        // Commit/rollback records are written in batches; flush them well before the first check.
        props.put("transactionOpBatchInterval", "200");
        props.put("useEpollNativeSelector", "false");
        props.put("enablePropertyFilter", "true");
        // Retries come back after a second instead of 10 s and more.
        props.put("messageDelayLevel", String.join(" ", java.util.Collections.nCopies(18, "1s")));
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        ChildJvm jvm = ChildJvm.start(brokerName, dir, "512m", "org.apache.rocketmq.broker.BrokerStartup", "-c", conf.toString());
        brokers.put(brokerName, jvm);
        brokerAddrs.put(brokerName, "127.0.0.1:" + port);
        awaitListening(jvm, port);
    }

    private static void awaitListening(ChildJvm jvm, int port) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("process exited during start\n" + jvm.tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The template topic TBW102 names every started broker once all of them registered with the name servers. */
    private void awaitBrokersRoutable() {
        NettyRemotingClient remoting = new NettyRemotingClient(new NettyClientConfig());
        remoting.start();
        try {
            MQClientAPI api = new MQClientAPI(remoting);
            for (String namesrv : namesrvAddrs) {
                api.updateNameServerAddressList(namesrv);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                        .until(() -> routedBrokers(api.getTopicRouteInfoFromNameServer("TBW102", 2000)).containsAll(brokers.keySet()));
            }
        } finally {
            remoting.shutdown();
        }
    }

    private static Set<String> routedBrokers(TopicRouteData route) {
        return route.getBrokerDatas().stream().map(BrokerData::getBrokerName).collect(Collectors.toSet());
    }

    String namesrvAddr() {
        return String.join(";", namesrvAddrs);
    }

    List<String> namesrvAddrList() {
        return namesrvAddrs;
    }

    String brokerAddr(String brokerName) {
        return brokerAddrs.get(brokerName);
    }

    void killBroker(String brokerName) {
        brokers.get(brokerName).kill();
    }

    void killNamesrv(int index) {
        namesrvs.get(index).kill();
    }

    @Override
    public void close() {
        brokers.values().forEach(ChildJvm::kill);
        namesrvs.forEach(ChildJvm::kill);
        if (Boolean.getBoolean("apache.rocketmq.keepHome")) {
            System.out.println("Apache RocketMQ files kept in " + home);
        } else {
            deleteQuietly(home);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Temp files only; the OS cleans up what is left.
        }
    }
}
