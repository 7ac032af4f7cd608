package io.apogee.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.schedule.RedirectingPut;
import io.apogee.broker.testing.InMemoryMessageStore;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendMessageProcessorTest {
    @TempDir
    Path dir;

    @Test
    void pushesBackOnlyWhileTheSendQueueIsFull() {
        BrokerConfig config = new BrokerConfig();
        AtomicBoolean full = new AtomicBoolean();
        SendMessageProcessor processor = new SendMessageProcessor(config, new TopicConfigManager(config, dir),
                new SubscriptionGroupManager(config, dir), new RedirectingPut(new InMemoryMessageStore(new MessageStoreConfig()), List.of()),
                full::get);

        assertThat(processor.rejectRequest()).isFalse();
        full.set(true);
        assertThat(processor.rejectRequest()).isTrue();
    }
}
