package io.apogee.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The producer-facing message API writes exactly the properties RocketMQ brokers read. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MessageTest {

    @Test
    void constructorsSetTagsKeysFlagAndWait() {
        Message full = new Message("T", "TagA", "k1", 7, new byte[] {1}, false);
        assertThat(full.getTags()).isEqualTo("TagA");
        assertThat(full.getKeys()).isEqualTo("k1");
        assertThat(full.getFlag()).isEqualTo(7);
        assertThat(full.isWaitStoreMsgOK()).isFalse();

        Message tagged = new Message("T", "TagB", new byte[] {1});
        assertThat(tagged.getTags()).isEqualTo("TagB");
        assertThat(tagged.hasProperty(MessageConst.PROPERTY_KEYS)).isFalse();
        assertThat(tagged.getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK)).isEqualTo("true");
    }

    @Test
    void timedDeliveryUsesTheTimerProperties() {
        Message m = new Message("T", new byte[] {1});
        assertThat(m.getDeliverTimeMs()).isZero();
        m.setDeliverTimeMs(1_700_000_000_123L);
        m.setDelayTimeMs(1500);
        m.setDelayTimeSec(3);
        assertThat(m.getProperties()).containsEntry("TIMER_DELIVER_MS", "1700000000123")
                .containsEntry("TIMER_DELAY_MS", "1500").containsEntry("TIMER_DELAY_SEC", "3");
        assertThat(m.getDeliverTimeMs()).isEqualTo(1_700_000_000_123L);
        assertThat(m.getDelayTimeMs()).isEqualTo(1500);
        assertThat(m.getDelayTimeSec()).isEqualTo(3);
    }

    @Test
    void userPropertiesMayNotUseSystemNamesOrBlanks() {
        Message m = new Message("T", new byte[] {1});
        m.putUserProperty("region", "eu");
        assertThat(m.getUserProperty("region")).isEqualTo("eu");

        for (String reserved : List.of("TAGS", "KEYS", "DELAY", "UNIQ_KEY", "TIMER_DELIVER_MS", "__CRC32#")) {
            assertThatThrownBy(() -> m.putUserProperty(reserved, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(reserved);
        }
        assertThatThrownBy(() -> m.putUserProperty("a", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.putUserProperty(" ", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reservedNamesAreExactlyTheOfficialOnes() {
        for (String name : org.apache.rocketmq.common.message.MessageConst.STRING_HASH_SET) {
            assertThat(MessageConst.isSystemProperty(name)).as(name).isTrue();
        }
        assertThat(MessageConst.isSystemProperty("region")).isFalse();
        assertThat(MessageConst.isSystemProperty(null)).isFalse();
    }

    @Test
    void keysCollectionIsJoinedBySpaces() {
        Message m = new Message("T", new byte[] {1});
        m.setKeys(List.of("a", "b"));
        m.setBuyerId("buyer");
        m.setInstanceId("inst");
        assertThat(m.getKeys()).isEqualTo("a b");
        assertThat(m.getBuyerId()).isEqualTo("buyer");
        assertThat(m.getProperty(MessageConst.PROPERTY_INSTANCE_ID)).isEqualTo("inst");
    }

    @Test
    void messageQueueCopyIsEqual() {
        MessageQueue mq = new MessageQueue("T", "b", 3);
        assertThat(new MessageQueue(mq)).isEqualTo(mq).isNotSameAs(mq);
    }
}
