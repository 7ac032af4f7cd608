package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.namesrv.NamesrvController;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.protocol.namesrv.UnRegisterBrokerRequestHeader;
import io.apogee.remoting.netty.NettyRemotingServer;
import io.apogee.remoting.netty.NettyServerConfig;
import io.apogee.remoting.protocol.RemotingCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apogee broker -n ...} as a real child JVM: it registers with every name server given,
 * shows in the cluster info, and on SIGTERM unregisters before it exits.
 */
@Timeout(90)
class BrokerProcessTest {
    @TempDir
    Path dir;

    @Test
    void registersWithTheNameServersAndUnregistersOnSigterm() throws Exception {
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv").resolve("kvConfig.json").toString());
        NettyServerConfig namesrvServer = new NettyServerConfig();
        namesrvServer.setListenPort(0);
        NamesrvController namesrv = new NamesrvController(namesrvConfig, namesrvServer);
        // A second "name server" that only records UNREGISTER_BROKER: the real one also drops a broker
        // whose connection closes, so only this shows the broker said goodbye itself.
        List<UnRegisterBrokerRequestHeader> goodbyes = new CopyOnWriteArrayList<>();
        NettyServerConfig recorderConfig = new NettyServerConfig();
        recorderConfig.setListenPort(0);
        NettyRemotingServer recorder = new NettyRemotingServer(recorderConfig);
        ExecutorService recorderExecutor = Executors.newSingleThreadExecutor();
        recorder.registerProcessor(RequestCode.UNREGISTER_BROKER, (channel, request) -> {
            goodbyes.add(request.readCustomHeader(UnRegisterBrokerRequestHeader.class));
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null));
        }, recorderExecutor);
        namesrv.start();
        recorder.start();
        String namesrvAddrs = "127.0.0.1:" + namesrv.localPort() + ";127.0.0.1:" + recorder.localPort();
        try (ApogeeProcess broker = ApogeeProcess.start("256m", "broker", "-n", namesrvAddrs, "listenPort=0",
                "brokerIP1=127.0.0.1", "brokerName=broker-p", "brokerClusterName=ProcessCluster",
                "storePathRootDir=" + dir.resolve("store"), "mappedFileSizeCommitLog=" + (16 * 1024 * 1024))) {
            String brokerAddr = "127.0.0.1:" + broker.awaitBrokerPort();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ClusterInfo cluster = namesrv.routeInfoManager().getAllClusterInfo();
                assertThat(cluster.getClusterAddrTable()).containsEntry("ProcessCluster", Set.of("broker-p"));
                assertThat(cluster.getBrokerAddrTable().get("broker-p").getBrokerAddrs()).containsEntry(0L, brokerAddr);
            });

            broker.stopGracefully();
            assertThat(namesrv.routeInfoManager().getAllClusterInfo().getBrokerAddrTable()).doesNotContainKey("broker-p");
            assertThat(goodbyes).singleElement().satisfies(goodbye -> {
                assertThat(goodbye.getBrokerName()).isEqualTo("broker-p");
                assertThat(goodbye.getClusterName()).isEqualTo("ProcessCluster");
                assertThat(goodbye.getBrokerAddr()).isEqualTo(brokerAddr);
                assertThat(goodbye.getBrokerId()).isZero();
            });
        } finally {
            recorder.shutdown();
            recorderExecutor.shutdownNow();
            namesrv.shutdown();
        }
    }
}
