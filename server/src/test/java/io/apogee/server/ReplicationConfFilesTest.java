package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.broker.BrokerConfig;
import io.apogee.protocol.ConfigLoader;
import io.apogee.store.BrokerRole;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The shipped master/slave confs load, every key in them (commented-out ones too) is known, and the HA ports follow. */
class ReplicationConfFilesTest {
    private record Loaded(BrokerConfig broker, MessageStoreConfig store) {
    }

    /** Loads the file with its commented-out {@code #key=value} lines switched on. */
    private static Loaded load(String name) throws Exception {
        String text = Files.readString(Path.of("..", "conf", name)).replaceAll("(?m)^#(\\w+=)", "$1");
        Properties props = ConfigLoader.parse(text);
        BrokerConfig broker = new BrokerConfig();
        MessageStoreConfig store = new MessageStoreConfig();
        assertThat(ConfigLoader.apply(props, broker, store)).isEmpty();
        ReplicationDefaults.apply(broker, store);
        return new Loaded(broker, store);
    }

    @Test
    void masterAndSlaveConfsDescribeOneBrokerGroup() throws Exception {
        Loaded master = load("broker-a-master.conf");
        Loaded slave = load("broker-a-slave.conf");

        assertThat(master.store().getBrokerRole()).isEqualTo(BrokerRole.ASYNC_MASTER);
        assertThat(master.broker().getBrokerId()).isZero();
        assertThat(master.store().getHaListenPort()).isEqualTo(10912);
        assertThat(slave.store().getBrokerRole()).isEqualTo(BrokerRole.SLAVE);
        assertThat(slave.broker().getBrokerId()).isEqualTo(1);
        assertThat(slave.broker().getBrokerName()).isEqualTo(master.broker().getBrokerName());
        assertThat(slave.store().getHaListenPort()).isEqualTo(10922);
        assertThat(slave.store().getHaMasterAddress()).isEqualTo("127.0.0.1:" + master.store().getHaListenPort());
        assertThat(slave.store().getStorePathRootDir()).isNotEqualTo(master.store().getStorePathRootDir());
    }
}
