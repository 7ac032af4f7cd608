package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.namesrv.NamesrvConfig;
import io.apogee.protocol.ConfigLoader;
import io.apogee.remoting.netty.NettyServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shipped conf/namesrv.conf, including its commented-out examples, names only real properties. */
@Timeout(10)
class NamesrvConfFileTest {
    private static final Path CONF = Path.of("..", "conf", "namesrv.conf");

    @Test
    void shippedNamesrvConfLoads() throws Exception {
        NettyServerConfig server = new NettyServerConfig();

        ConfigLoader.apply(ConfigLoader.load(CONF), new NamesrvConfig(), server);

        assertThat(server.getListenPort()).isEqualTo(9876);
    }

    @Test
    void everyCommentedExampleIsAValidSetting() throws Exception {
        // "#key=value" lines are examples; ordinary comments have a space after '#'.
        String examples = Files.readAllLines(CONF).stream()
                .filter(line -> line.matches("#\\w+=.*"))
                .map(line -> line.substring(1))
                .collect(Collectors.joining("\n"));
        NamesrvConfig config = new NamesrvConfig();

        ConfigLoader.apply(ConfigLoader.parse(examples), config, new NettyServerConfig());

        assertThat(examples).contains("brokerChannelExpiredMillis");
        assertThat(config.getBrokerChannelExpiredMillis()).isEqualTo(120_000);
        assertThat(config.getKvConfigPath()).isEqualTo("/var/lib/apogee/namesrv/kvConfig.json");
    }
}
