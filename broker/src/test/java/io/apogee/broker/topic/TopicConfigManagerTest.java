package io.apogee.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.broker.BrokerConfig;
import io.apogee.protocol.PermName;
import io.apogee.protocol.TopicConfig;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicConfigManagerTest {
    @TempDir
    Path dir;

    private TopicConfigManager manager(BrokerConfig config) {
        TopicConfigManager manager = new TopicConfigManager(config, dir);
        manager.load();
        return manager;
    }

    @Test
    void templateTopicIsInheritableAndSizedFromTheConfig() {
        TopicConfig template = manager(new BrokerConfig()).select("TBW102");

        assertThat(template.getPerm()).isEqualTo(PermName.READ_WRITE | PermName.PERM_INHERIT);
        assertThat(template.getWriteQueueNums()).isEqualTo(8);
    }

    @Test
    void sendAutoCreatesWithTheSmallerQueueCountAndWithoutInherit() {
        TopicConfigManager manager = manager(new BrokerConfig());
        AtomicInteger changes = new AtomicInteger();
        manager.setChangeListener(changes::incrementAndGet);
        long versionBefore = manager.dataVersion().getCounter();

        TopicConfig created = manager.createTopicInSendMessageMethod("Fresh", "TBW102", "peer", 4, 0);

        assertThat(created.getWriteQueueNums()).isEqualTo(4);
        assertThat(created.getReadQueueNums()).isEqualTo(4);
        assertThat(created.getPerm()).isEqualTo(PermName.READ_WRITE);
        assertThat(changes).hasValue(1);
        assertThat(manager.dataVersion().getCounter()).isGreaterThan(versionBefore);
        assertThat(manager.createTopicInSendMessageMethod("Fresh", "TBW102", "peer", 16, 0)).isSameAs(created);
        assertThat(changes).hasValue(1);
    }

    @Test
    void noAutoCreationWithoutAnInheritableTemplate() {
        TopicConfigManager manager = manager(new BrokerConfig());
        manager.updateTopicConfig(new TopicConfig("PlainTemplate", 4, 4, PermName.READ_WRITE));

        assertThat(manager.createTopicInSendMessageMethod("A", "PlainTemplate", "peer", 4, 0)).isNull();
        assertThat(manager.createTopicInSendMessageMethod("B", "Missing", "peer", 4, 0)).isNull();
    }

    @Test
    void autoCreateDisabledRemovesTheTemplate() {
        BrokerConfig config = new BrokerConfig();
        config.setAutoCreateTopicEnable(false);
        TopicConfigManager manager = manager(config);

        assertThat(manager.select("TBW102")).isNull();
        assertThat(manager.createTopicInSendMessageMethod("A", "TBW102", "peer", 4, 0)).isNull();
    }
}
