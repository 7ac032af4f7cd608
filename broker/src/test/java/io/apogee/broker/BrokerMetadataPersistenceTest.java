package io.apogee.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.protocol.Json;
import io.apogee.protocol.PermName;
import io.apogee.protocol.TopicConfig;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class BrokerMetadataPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void topicsGroupsAndOffsetsSurviveARestartInRocketMqFiles() throws Exception {
        try (BrokerFixture first = new BrokerFixture(dir, config -> { })) {
            first.broker.topicManager().updateTopicConfig(new TopicConfig("Kept", 3, 3, PermName.READ_WRITE));
            SubscriptionGroupConfig group = new SubscriptionGroupConfig();
            group.setGroupName("KeptGroup");
            group.setRetryMaxTimes(5);
            first.broker.groupManager().update(group);
            first.broker.offsetManager().commitOffset("KeptGroup", "Kept", 2, 42);
        }
        Path config = dir.resolve("config");
        assertThat(Json.tree(Files.readAllBytes(config.resolve("topics.json"))).at("/topicConfigTable/Kept/readQueueNums").asInt()).isEqualTo(3);
        assertThat(Json.tree(Files.readAllBytes(config.resolve("consumerOffset.json"))).at("/offsetTable/Kept@KeptGroup/2").asLong()).isEqualTo(42);
        assertThat(config.resolve("subscriptionGroup.json")).exists();

        try (BrokerFixture second = new BrokerFixture(dir, c -> { })) {
            assertThat(second.broker.topicManager().select("Kept").getWriteQueueNums()).isEqualTo(3);
            assertThat(second.broker.groupManager().find("KeptGroup").getRetryMaxTimes()).isEqualTo(5);
            assertThat(second.broker.offsetManager().queryOffset("KeptGroup", "Kept", 2)).isEqualTo(42);
        }
    }

    @Test
    void theBackupIsReadWhenTheMainFileIsDamaged() throws Exception {
        try (BrokerFixture first = new BrokerFixture(dir, config -> { })) {
            first.broker.topicManager().updateTopicConfig(new TopicConfig("First", 1, 1, PermName.READ_WRITE));
            first.broker.topicManager().updateTopicConfig(new TopicConfig("Second", 1, 1, PermName.READ_WRITE));
        }
        Files.writeString(dir.resolve("config").resolve("topics.json"), "{broken");

        try (BrokerFixture second = new BrokerFixture(dir, c -> { })) {
            assertThat(second.broker.topicManager().select("First")).isNotNull();
        }
    }
}
