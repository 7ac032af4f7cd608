package io.apogee.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TopicConfigTest {
    @Test
    void textFormRoundTripsWithAttributes() {
        TopicConfig config = new TopicConfig("T", 8, 4, PermName.PERM_READ);
        config.setTopicFilterType(TopicFilterType.MULTI_TAG);
        config.setAttributes(Map.of("message.type", "FIFO"));

        assertThat(config.toText(true)).isEqualTo("T 8 4 4 MULTI_TAG {\"message.type\":\"FIFO\"}");
        assertThat(TopicConfig.fromText(config.toText(true))).isEqualTo(config);
    }

    @Test
    void theFourNineTextFormHasExactlyFiveFields() {
        TopicConfig config = new TopicConfig("T", 8, 4, PermName.PERM_READ);
        config.setAttributes(Map.of("message.type", "FIFO"));

        assertThat(config.toText(false)).isEqualTo("T 8 4 4 SINGLE_TAG");
    }

    @Test
    void readsTheFourNineTextFormWithoutAttributes() {
        TopicConfig config = TopicConfig.fromText("TopicTest 4 4 6 SINGLE_TAG");

        assertThat(config.getTopicName()).isEqualTo("TopicTest");
        assertThat(config.getReadQueueNums()).isEqualTo(4);
        assertThat(config.getPerm()).isEqualTo(6);
        assertThat(config.getAttributes()).isEmpty();
        assertThat(TopicConfig.fromText("broken 1 2")).isNull();
    }

    @Test
    void permissionHelpers() {
        assertThat(PermName.isReadable(6)).isTrue();
        assertThat(PermName.isWriteable(4)).isFalse();
        assertThat(PermName.toText(7)).isEqualTo("RWX");
        assertThat(TopicSysFlag.build(true, true)).isEqualTo(3);
        assertThat(TopicSysFlag.hasUnitSubFlag(TopicSysFlag.build(false, true))).isTrue();
    }

    @Test
    void codeNamesForLogs() {
        assertThat(RequestCode.nameOf(310)).isEqualTo("SEND_MESSAGE_V2");
        assertThat(ResponseCode.nameOf(17)).isEqualTo("TOPIC_NOT_EXIST");
        assertThat(RequestCode.nameOf(99999)).isEqualTo("99999");
    }
}
