package io.apogee.store;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBatch;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageIds;
import io.apogee.common.message.MessageSysFlag;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DefaultMessageStoreTest {
    @TempDir
    Path dir;
    DefaultMessageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private DefaultMessageStore open(MessageStoreConfig config) throws Exception {
        store = new DefaultMessageStore(config);
        store.start();
        return store;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putThenGetReturnsTheStoredRecords() throws Exception {
        open(smallConfig(dir));
        for (int i = 0; i < 10; i++) {
            PutMessageResult r = store.putMessage(message("T", 1, bytes("m" + i), "tagA", "key" + i)).get();
            assertThat(r.isOk()).isTrue();
            assertThat(r.getAppendMessageResult().getLogicsOffset()).isEqualTo(i);
            assertThat(r.getAppendMessageResult().getMsgId())
                    .isEqualTo(MessageIds.createOffsetMessageId(StoreTestSupport.STORE,
                            r.getAppendMessageResult().getWroteOffset()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> store.getMaxOffsetInQueue("T", 1) == 10);

        GetMessageResult got = store.getMessage("g", "T", 1, 3, 4, Integer.MAX_VALUE, MessageFilter.ALL);
        try {
            assertThat(got.getStatus()).isEqualTo(GetMessageStatus.FOUND);
            assertThat(got.getMessageCount()).isEqualTo(4);
            assertThat(got.getNextBeginOffset()).isEqualTo(7);
            assertThat(got.getMaxOffset()).isEqualTo(10);
            MessageExt first = DefaultMessageStore.decode(got.getMessageBufferList().get(0));
            assertThat(first.getBody()).isEqualTo(bytes("m3"));
            assertThat(first.getQueueOffset()).isEqualTo(3);
            assertThat(first.getTags()).isEqualTo("tagA");
            assertThat(first.getStoreHost()).isEqualTo(StoreTestSupport.STORE);
            // the official client decodes what we return
            assertThat(OfficialDecoder.decodeBody(got.getMessageBufferList().get(1).nioBuffer()))
                    .isEqualTo(bytes("m4"));
        } finally {
            got.release();
        }
    }

    @Test
    void getStatusesFollowTheQueueBounds() throws Exception {
        open(smallConfig(dir));
        assertThat(store.getMessage("g", "none", 0, 0, 1, 1 << 20, null).getStatus())
                .isEqualTo(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE);
        for (int i = 0; i < 3; i++) {
            store.putMessage(message("T", 0, bytes("x"))).get();
        }
        await().until(() -> store.getMaxOffsetInQueue("T", 0) == 3);
        GetMessageResult one = store.getMessage("g", "T", 0, 3, 1, 1 << 20, null);
        assertThat(one.getStatus()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
        assertThat(one.getNextBeginOffset()).isEqualTo(3);
        GetMessageResult badly = store.getMessage("g", "T", 0, 10, 1, 1 << 20, null);
        assertThat(badly.getStatus()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_BADLY);
        assertThat(badly.getNextBeginOffset()).isEqualTo(0);
    }

    @Test
    void tagFilterSkipsNonMatchingMessages() throws Exception {
        open(smallConfig(dir));
        for (int i = 0; i < 6; i++) {
            store.putMessage(message("T", 0, bytes("b" + i), i % 2 == 0 ? "even" : "odd", null)).get();
        }
        await().until(() -> store.getMaxOffsetInQueue("T", 0) == 6);
        long even = "even".hashCode();
        MessageFilter onlyEven = new MessageFilter() {
            @Override
            public boolean isMatchedByConsumeQueue(long tagsCode) {
                return tagsCode == even;
            }

            @Override
            public boolean isMatchedByCommitLog(ByteBuffer record, Map<String, String> properties) {
                return true;
            }
        };
        GetMessageResult r = store.getMessage("g", "T", 0, 0, 32, 1 << 20, onlyEven);
        try {
            assertThat(r.getMessageQueueOffset()).containsExactly(0L, 2L, 4L);
            assertThat(r.getNextBeginOffset()).isEqualTo(6);
        } finally {
            r.release();
        }
    }

    @Test
    void maxTotalBytesLimitsTheBatchButReturnsAtLeastOne() throws Exception {
        open(smallConfig(dir));
        for (int i = 0; i < 5; i++) {
            store.putMessage(message("T", 0, new byte[1000])).get();
        }
        await().until(() -> store.getMaxOffsetInQueue("T", 0) == 5);
        GetMessageResult r = store.getMessage("g", "T", 0, 0, 32, 2500, null);
        assertThat(r.getMessageCount()).isEqualTo(2);
        assertThat(r.getNextBeginOffset()).isEqualTo(2);
        r.release();
        GetMessageResult tiny = store.getMessage("g", "T", 0, 0, 32, 1, null);
        assertThat(tiny.getMessageCount()).isEqualTo(1);
        tiny.release();
    }

    @Test
    void queryByKeyAndUniqueKey() throws Exception {
        open(smallConfig(dir));
        MessageExtBrokerInner m = message("T", 0, bytes("hello"), null, "order-1 order-2");
        m.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ123");
        m.syncPropertiesString();
        store.putMessage(m).get();
        store.putMessage(message("T", 0, bytes("other"), null, "order-3")).get();
        await().until(() -> store.dispatchBehindBytes() == 0 && store.getMaxOffsetInQueue("T", 0) == 2);
        for (String key : List.of("order-1", "order-2", "UNIQ123")) {
            QueryMessageResult q = store.queryMessage("T", key, 32, 0, Long.MAX_VALUE);
            try {
                assertThat(q.getMessageBufferList()).hasSize(1);
                assertThat(DefaultMessageStore.decode(q.getMessageBufferList().get(0)).getBody()).isEqualTo(bytes("hello"));
            } finally {
                q.release();
            }
        }
        assertThat(store.queryMessage("Other", "order-1", 32, 0, Long.MAX_VALUE).getMessageBufferList()).isEmpty();
    }

    @Test
    void lookupsByOffsetAndTime() throws Exception {
        open(smallConfig(dir));
        long before = System.currentTimeMillis();
        PutMessageResult r = store.putMessage(message("T", 2, bytes("payload"))).get();
        await().until(() -> store.getMaxOffsetInQueue("T", 2) == 1);
        long phy = r.getAppendMessageResult().getWroteOffset();
        assertThat(store.lookMessageByOffset(phy).getBody()).isEqualTo(bytes("payload"));
        assertThat(store.lookMessageByOffset(phy, r.getAppendMessageResult().getWroteBytes()).getTopic()).isEqualTo("T");
        assertThat(store.getCommitLogOffsetInQueue("T", 2, 0)).isEqualTo(phy);
        assertThat(store.getEarliestMessageTime("T", 2)).isBetween(before, System.currentTimeMillis());
        assertThat(store.getMessageStoreTimeStamp("T", 2, 0)).isEqualTo(r.getAppendMessageResult().getStoreTimestamp());
        assertThat(store.getOffsetInQueueByTime("T", 2, before - 1000)).isZero();
        assertThat(store.getOffsetInQueueByTime("T", 2, System.currentTimeMillis() + 1000)).isEqualTo(1);
        assertThat(store.getMinPhyOffset()).isZero();
        assertThat(store.getMaxPhyOffset()).isEqualTo(phy + r.getAppendMessageResult().getWroteBytes());
    }

    @Test
    void batchGetsConsecutiveQueueOffsetsAndKeepsOwnUniqueKeys() throws Exception {
        open(smallConfig(dir));
        store.putMessage(message("B", 0, bytes("first"))).get();
        List<org.apache.rocketmq.common.message.Message> msgs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            org.apache.rocketmq.common.message.Message m =
                    new org.apache.rocketmq.common.message.Message("B", "t" + i, "k" + i, bytes("batch" + i));
            org.apache.rocketmq.common.message.MessageAccessor.putProperty(m, "UNIQ_KEY", "ID" + i);
            msgs.add(m);
        }
        MessageExtBatch batch = new MessageExtBatch();
        batch.setTopic("B");
        batch.setQueueId(0);
        batch.setBody(org.apache.rocketmq.common.message.MessageDecoder.encodeMessages(msgs));
        batch.setBornHost(StoreTestSupport.BORN);
        batch.setStoreHost(StoreTestSupport.STORE);
        batch.setPropertiesString("WAIT\u0001true\u0002UNIQ_KEY\u0001BATCH\u0002CLUSTER\u0001c1\u0002");
        PutMessageResult r = store.putMessages(batch).get();
        assertThat(r.isOk()).isTrue();
        assertThat(r.getAppendMessageResult().getLogicsOffset()).isEqualTo(1);
        assertThat(r.getAppendMessageResult().getMsgNum()).isEqualTo(3);
        assertThat(r.getAppendMessageResult().getMsgId().split(",")).hasSize(3);
        await().until(() -> store.getMaxOffsetInQueue("B", 0) == 4);
        for (int i = 0; i < 3; i++) {
            MessageExt m = StoreTestSupport.read(store, "B", 0, 1 + i);
            assertThat(m.getBody()).isEqualTo(bytes("batch" + i));
            assertThat(m.getProperty("UNIQ_KEY")).isEqualTo("ID" + i);
            assertThat(m.getProperty("CLUSTER")).isEqualTo("c1");
            assertThat(m.getTags()).isEqualTo("t" + i);
        }
    }

    @Test
    void preparedMessagesTakeNoQueueOffsetAndSkipTheConsumeQueue() throws Exception {
        open(smallConfig(dir));
        MessageExtBrokerInner half = message("H", 0, bytes("half"));
        half.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        PutMessageResult r = store.putMessage(half).get();
        assertThat(r.isOk()).isTrue();
        store.putMessage(message("H", 0, bytes("normal"))).get();
        await().until(() -> store.getMaxOffsetInQueue("H", 0) == 1);
        assertThat(StoreTestSupport.read(store, "H", 0, 0).getBody()).isEqualTo(bytes("normal"));
        assertThat(store.lookMessageByOffset(r.getAppendMessageResult().getWroteOffset()).getBody()).isEqualTo(bytes("half"));
    }

    @Test
    void dispatchListenerSeesEveryMessage() throws Exception {
        open(smallConfig(dir));
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.addDispatchListener((topic, queueId, logicOffset, tagsCode, ts, props) ->
                seen.add(topic + "/" + queueId + "/" + logicOffset + "/" + props.get("TAGS")));
        store.putMessage(message("L", 3, bytes("a"), "x", null)).get();
        store.putMessage(message("L", 3, bytes("b"), "y", null)).get();
        await().until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("L/3/1/x", "L/3/2/y");
    }

    @Test
    void reopenAfterCleanShutdownKeepsEverythingAndContinuesOffsets() throws Exception {
        MessageStoreConfig config = smallConfig(dir);
        open(config);
        for (int i = 0; i < 3000; i++) {
            store.putMessage(message("R", i % 4, new byte[700])).get();
        }
        long maxPhy = store.getMaxPhyOffset();
        store.shutdown();
        assertThat(dir.resolve("abort")).doesNotExist();
        open(config);
        assertThat(store.getRecoveryOutcome().crashed()).isFalse();
        assertThat(store.getMaxPhyOffset()).isEqualTo(maxPhy);
        for (int q = 0; q < 4; q++) {
            assertThat(store.getMaxOffsetInQueue("R", q)).isEqualTo(750);
        }
        PutMessageResult next = store.putMessage(message("R", 1, bytes("after"))).get();
        assertThat(next.getAppendMessageResult().getLogicsOffset()).isEqualTo(750);
    }

    @Test
    void deleteTopicsRemovesQueuesAndRestartsOffsets() throws Exception {
        open(smallConfig(dir));
        store.putMessage(message("D", 0, bytes("a"))).get();
        store.putMessage(message("K", 0, bytes("a"))).get();
        await().until(() -> store.getMaxOffsetInQueue("D", 0) == 1 && store.getMaxOffsetInQueue("K", 0) == 1);
        store.deleteTopics(Set.of("D"));
        assertThat(store.getMaxOffsetInQueue("D", 0)).isZero();
        assertThat(dir.resolve("consumequeue").resolve("D")).doesNotExist();
        assertThat(store.cleanUnusedTopic(Set.of())).isEqualTo(1);
        assertThat(store.getMaxOffsetInQueue("K", 0)).isZero();
    }

    @Test
    void refusesIllegalMessages() throws Exception {
        open(smallConfig(dir));
        PutMessageResult tooBig = store.putMessage(message("T", 0, new byte[600 * 1024])).get();
        assertThat(tooBig.getPutMessageStatus()).isEqualTo(PutMessageStatus.MESSAGE_ILLEGAL);
        MessageExtBrokerInner props = message("T", 0, bytes("x"));
        props.setPropertiesString("A\u0001" + "v".repeat(40000) + "\u0002");
        assertThat(store.putMessage(props).get().getPutMessageStatus()).isEqualTo(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED);
        assertThat(store.putMessage(message("T", -1, bytes("x"))).get().getPutMessageStatus())
                .isEqualTo(PutMessageStatus.MESSAGE_ILLEGAL);
    }

    @Test
    void statsCountPuts() throws Exception {
        open(smallConfig(dir));
        for (int i = 0; i < 100; i++) {
            store.putMessage(message("S", 0, new byte[10])).get();
        }
        StoreStats stats = store.getStats();
        assertThat(stats.putMessageTimesTotal()).isEqualTo(100);
        assertThat(stats.putLatencyMaxMicros()).isPositive();
        assertThat(stats.putLatencyP50Micros()).isLessThanOrEqualTo(stats.putLatencyP99Micros());
    }
}
