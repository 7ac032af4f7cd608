package io.apogee.client.impl.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.message.MessageExt;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ProcessQueueTest {
    private static List<MessageExt> msgs(long from, long to) {
        return LongStream.range(from, to).mapToObj(offset -> {
            MessageExt m = new MessageExt();
            m.setQueueOffset(offset);
            m.setBody(new byte[10]);
            return m;
        }).toList();
    }

    @Test
    void commitOffsetIsTheLowestUnfinishedOffset() {
        ProcessQueue pq = new ProcessQueue();
        List<MessageExt> batch = msgs(10, 15);
        pq.putMessages(batch);

        assertThat(pq.removeMessages(List.of(batch.get(1), batch.get(2)))).isEqualTo(10);
        assertThat(pq.removeMessages(List.of(batch.get(0)))).isEqualTo(13);
        assertThat(pq.maxSpan()).isEqualTo(1);
        assertThat(pq.removeMessages(batch.subList(3, 5))).isEqualTo(15);
        assertThat(pq.cachedCount()).isZero();
        assertThat(pq.cachedBytes()).isZero();
    }

    @Test
    void orderlyTakeCommitAndRollbackKeepOffsetOrder() {
        ProcessQueue pq = new ProcessQueue();
        assertThat(pq.putMessages(msgs(0, 5))).isTrue();
        assertThat(pq.putMessages(msgs(5, 6))).as("a consume task is already running").isFalse();

        List<MessageExt> first = pq.takeMessages(2);
        pq.makeMessagesToConsumeAgain(first);
        assertThat(pq.takeMessages(2)).extracting(MessageExt::getQueueOffset).containsExactly(0L, 1L);
        assertThat(pq.commit()).isEqualTo(2);
        assertThat(pq.takeMessages(10)).hasSize(4);
        assertThat(pq.commit()).isEqualTo(6);
        assertThat(pq.takeMessages(10)).isEmpty();
        assertThat(pq.putMessages(msgs(6, 7))).as("the finished task lets the next one start").isTrue();
    }
}
