package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apogee standalone} as a real child JVM: it prints both addresses, its broker registers with
 * its name server, and SIGTERM stops it cleanly with the consumer offsets written to disk.
 */
@Timeout(90)
class StandaloneProcessTest {
    @TempDir
    Path dir;

    @Test
    void startsRegistersAndStopsCleanlyOnSigterm() throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        try (ApogeeProcess standalone = ApogeeProcess.start("256m", "standalone", "namesrvPort=0", "listenPort=0",
                "brokerIP1=127.0.0.1", "storePathRootDir=" + dir, "mappedFileSizeCommitLog=" + (16 * 1024 * 1024))) {
            int brokerPort = standalone.awaitBrokerPort();
            int namesrvPort = standalone.awaitNamesrvPort();
            client.start();

            RemotingCommand cluster = client.invokeSync("127.0.0.1:" + namesrvPort,
                    RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO), 5_000);
            assertThat(Json.parse(cluster.getBody(), ClusterInfo.class).getBrokerAddrTable()).containsKey("broker-a");
            UpdateConsumerOffsetRequestHeader offset = new UpdateConsumerOffsetRequestHeader();
            offset.setConsumerGroup("G");
            offset.setTopic("T");
            offset.setQueueId(0);
            offset.setCommitOffset(7L);
            RemotingCommand committed = client.invokeSync("127.0.0.1:" + brokerPort,
                    RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET, offset), 5_000);
            assertThat(committed.getCode()).isEqualTo(ResponseCode.SUCCESS);

            standalone.stopGracefully();
            assertThat(Files.readString(dir.resolve("config").resolve("consumerOffset.json"))).contains("T@G");
        } finally {
            client.shutdown();
        }
    }
}
