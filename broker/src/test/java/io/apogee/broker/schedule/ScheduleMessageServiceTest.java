package io.apogee.broker.schedule;

import static io.apogee.broker.schedule.TestMessages.message;
import static io.apogee.broker.schedule.TestMessages.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.broker.testing.InMemoryMessageStore;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ScheduleMessageServiceTest {
    private static final DelayLevels LEVELS = DelayLevels.parse("100ms 300ms 1s");

    @TempDir
    Path dir;
    private InMemoryMessageStore store;
    private RedirectingPut put;
    private ScheduleMessageService service;

    @BeforeEach
    void setUp() {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        store = new InMemoryMessageStore(config);
        put = new RedirectingPut(store, List.of(new DelayLevelRedirect(LEVELS)));
        service = newService();
    }

    private ScheduleMessageService newService() {
        return new ScheduleMessageService(store, LEVELS, new DelayOffsetTable(dir.resolve("config")), 60_000);
    }

    @AfterEach
    void tearDown() {
        service.shutdown();
        store.shutdown();
    }

    private PutMessageResult send(String body, int level) {
        MessageExtBrokerInner msg = message("T", 1, body);
        msg.setDelayTimeLevel(level);
        msg.putProperty(MessageConst.PROPERTY_TIMER_DELAY_MS, "5");
        StoredMessages.seal(msg);
        return put.put(msg).join();
    }

    @Test
    void parsesLevelsWithUnits() {
        DelayLevels levels = DelayLevels.parse(DelayLevels.DEFAULT);
        assertThat(levels.maxLevel()).isEqualTo(18);
        assertThat(levels.delayMillis(1)).isEqualTo(1_000);
        assertThat(levels.delayMillis(5)).isEqualTo(60_000);
        assertThat(levels.delayMillis(18)).isEqualTo(7_200_000);
        assertThat(levels.cap(40)).isEqualTo(18);
    }

    @Test
    void delayedMessageWaitsInItsLevelQueueThenReturnsToItsTopic() {
        assertThat(send("a", 2).isOk()).isTrue();
        List<MessageExt> scheduled = readAll(store, DelayLevelRedirect.SCHEDULE_TOPIC, 1);
        assertThat(scheduled).hasSize(1);
        assertThat(scheduled.get(0).getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo("T");
        assertThat(scheduled.get(0).getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID)).isEqualTo("1");
        assertThat(scheduled.get(0).getProperty(MessageConst.PROPERTY_TIMER_DELAY_MS)).as("a level beats a timer").isNull();

        long start = System.currentTimeMillis();
        service.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> readAll(store, "T", 1).size() == 1);
        long waited = System.currentTimeMillis() - scheduled.get(0).getStoreTimestamp();
        MessageExt delivered = readAll(store, "T", 1).get(0);
        System.out.printf("level 2 (300 ms) delivered after %d ms (error %+d ms)%n", waited, waited - 300);
        assertThat(waited).isGreaterThanOrEqualTo(300);
        assertThat(System.currentTimeMillis() - start).isLessThan(3_000);
        assertThat(delivered.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL)).isNull();
        assertThat(delivered.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo("T");
        assertThat(delivered.getTags()).isEqualTo("TagA");
        assertThat(TestMessages.body(delivered)).isEqualTo("a");
    }

    @Test
    void levelsAboveTheHighestAreCappedAndEachLevelKeepsOrder() {
        for (int i = 0; i < 5; i++) {
            send("x" + i, 9);
            send("y" + i, 1);
        }
        assertThat(readAll(store, DelayLevelRedirect.SCHEDULE_TOPIC, 2)).hasSize(5);
        service.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> readAll(store, "T", 1).size() == 10);
        List<String> bodies = readAll(store, "T", 1).stream().map(TestMessages::body).toList();
        assertThat(bodies.subList(0, 5)).containsExactly("y0", "y1", "y2", "y3", "y4");
        assertThat(bodies.subList(5, 10)).containsExactly("x0", "x1", "x2", "x3", "x4");
    }

    @Test
    void progressSurvivesARestartWithoutDuplicates() throws Exception {
        send("a", 1);
        service.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> readAll(store, "T", 1).size() == 1);
        service.shutdown();
        assertThat(Files.readString(dir.resolve("config/delayOffset.json"))).contains("\"offsetTable\"").contains("\"1\":1");

        send("b", 1);
        service = newService();
        service.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> readAll(store, "T", 1).size() == 2);
        assertThat(readAll(store, "T", 1).stream().map(TestMessages::body)).containsExactly("a", "b");
    }
}
