package io.apogee.tools.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UpdateTopicCommandTest {
    @Test
    void oneBrokerIsMergedIntoTheLayout() {
        assertThat(UpdateTopicCommand.mergeOrderConf("broker-b:8;broker-a:2", "broker-a", 4)).isEqualTo("broker-b:8;broker-a:4");
        assertThat(UpdateTopicCommand.mergeOrderConf("broker-b:8", "broker-a", 4)).isEqualTo("broker-b:8;broker-a:4");
        assertThat(UpdateTopicCommand.mergeOrderConf("", "broker-a", 4)).isEqualTo("broker-a:4");
    }
}
