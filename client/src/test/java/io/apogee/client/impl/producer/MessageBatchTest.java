package io.apogee.client.impl.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apogee.client.exception.MQClientException;
import io.apogee.common.message.BatchBodyDecoder;
import io.apogee.common.message.Message;
import io.apogee.common.message.MessageConst;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBatchTest {
    private static Message msg(String topic, String body) {
        return new Message(topic, "TagA", "k-" + body, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bodyDecodesBackToTheMessagesWithTheirOwnIds() throws Exception {
        MessageBatch batch = MessageBatch.generateFromList(List.of(msg("T", "one"), msg("T", "two")), 4 * 1024 * 1024);

        List<Message> decoded = BatchBodyDecoder.decode(batch.getBody(), "T");

        assertThat(decoded).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8)).containsExactly("one", "two");
        assertThat(decoded).extracting(Message::getTags).containsOnly("TagA");
        assertThat(batch.uniqueIds().split(",")).hasSize(2)
                .containsExactly(decoded.get(0).getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX),
                        decoded.get(1).getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
    }

    @Test
    void rejectsMixedTopicsDelayAndRetryTopics() {
        assertThatThrownBy(() -> MessageBatch.generateFromList(List.of(msg("A", "1"), msg("B", "2")), 1 << 22))
                .isInstanceOf(MQClientException.class).hasMessageContaining("same");
        Message delayed = msg("A", "1");
        delayed.setDelayTimeLevel(3);
        assertThatThrownBy(() -> MessageBatch.generateFromList(List.of(delayed), 1 << 22))
                .isInstanceOf(MQClientException.class).hasMessageContaining("TimeDelayLevel");
        assertThatThrownBy(() -> MessageBatch.generateFromList(List.of(msg("%RETRY%g", "1")), 1 << 22))
                .isInstanceOf(MQClientException.class).hasMessageContaining("Retry");
        assertThatThrownBy(() -> MessageBatch.generateFromList(List.of(msg("A", "x".repeat(3000))), 2048))
                .isInstanceOf(MQClientException.class);
    }
}
