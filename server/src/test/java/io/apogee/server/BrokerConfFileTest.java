package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.broker.BrokerConfig;
import io.apogee.protocol.ConfigLoader;
import io.apogee.store.FlushDiskType;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped conf/broker.conf names only properties the broker and store know. */
class BrokerConfFileTest {
    @Test
    void shippedBrokerConfLoads() throws Exception {
        BrokerConfig broker = new BrokerConfig();
        MessageStoreConfig store = new MessageStoreConfig();

        ConfigLoader.apply(ConfigLoader.load(Path.of("..", "conf", "broker.conf")), broker, store);

        assertThat(broker.getBrokerName()).isEqualTo("broker-a");
        assertThat(broker.getListenPort()).isEqualTo(10911);
        assertThat(broker.getDefaultTopicQueueNums()).isEqualTo(8);
        assertThat(store.getFlushDiskType()).isEqualTo(FlushDiskType.ASYNC_FLUSH);
        assertThat(store.getStorePathRootDir()).isEqualTo("./data");
    }
}
