package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.protocol.Json;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.namesrv.ClusterInfo;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts {@code apogee namesrv} as a real child JVM, talks to it over TCP and stops it with SIGTERM. */
@Timeout(60)
class NamesrvProcessTest {
    @TempDir
    Path dir;

    @Test
    void startsAnswersAndStopsCleanlyOnSigterm() throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        try (ApogeeProcess namesrv = ApogeeProcess.start("128m", "namesrv", "listenPort=0", "bindAddress=127.0.0.1",
                "kvConfigPath=" + dir.resolve("kvConfig.json"))) {
            int port = namesrv.awaitNamesrvPort();
            client.start();
            RemotingCommand response = client.invokeSync("127.0.0.1:" + port,
                    RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO), 5_000);
            assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(Json.parse(response.getBody(), ClusterInfo.class).getBrokerAddrTable()).isEmpty();

            namesrv.stopGracefully();
        } finally {
            client.shutdown();
        }
    }
}
