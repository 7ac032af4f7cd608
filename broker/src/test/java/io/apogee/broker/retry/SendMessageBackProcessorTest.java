package io.apogee.broker.retry;

import static io.apogee.broker.schedule.TestMessages.message;
import static io.apogee.broker.schedule.TestMessages.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.broker.BrokerConfig;
import io.apogee.broker.group.SubscriptionGroupManager;
import io.apogee.broker.schedule.DelayLevelRedirect;
import io.apogee.broker.schedule.DelayLevels;
import io.apogee.broker.schedule.RedirectingPut;
import io.apogee.broker.schedule.StoredMessages;
import io.apogee.broker.testing.InMemoryMessageStore;
import io.apogee.broker.topic.TopicConfigManager;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.protocol.PermName;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.body.SubscriptionGroupConfig;
import io.apogee.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageStoreConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SendMessageBackProcessorTest {
    @TempDir
    Path dir;
    private InMemoryMessageStore store;
    private TopicConfigManager topics;
    private SubscriptionGroupManager groups;
    private SendMessageBackProcessor processor;

    @BeforeEach
    void setUp() {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        store = new InMemoryMessageStore(config);
        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setBrokerIP1("127.0.0.1");
        topics = new TopicConfigManager(brokerConfig, dir);
        topics.load();
        groups = new SubscriptionGroupManager(brokerConfig, dir);
        groups.load();
        RedirectingPut put = new RedirectingPut(store, List.of(new DelayLevelRedirect(DelayLevels.parse(DelayLevels.DEFAULT))));
        processor = new SendMessageBackProcessor(brokerConfig, topics, groups, put);
    }

    @AfterEach
    void tearDown() {
        store.shutdown();
    }

    private long store(MessageExtBrokerInner msg) {
        return store.putMessage(msg).join().getAppendMessageResult().getWroteOffset();
    }

    private RemotingCommand sendBack(long offset, int delayLevel, Integer max) throws Exception {
        ConsumerSendMsgBackRequestHeader header = new ConsumerSendMsgBackRequestHeader();
        header.setOffset(offset);
        header.setGroup("G");
        header.setDelayLevel(delayLevel);
        header.setMaxReconsumeTimes(max);
        header.setOriginTopic("T");
        return processor.process(null, RemotingCommand.request(RequestCode.CONSUMER_SEND_MSG_BACK, header)).join();
    }

    @Test
    void firstFailureWaitsOnLevelThreeOfTheRetryTopic() throws Exception {
        long offset = store(message("T", 0, "a"));
        RemotingCommand response = sendBack(offset, 0, 16);
        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);

        assertThat(topics.select("%RETRY%G").getWriteQueueNums()).isEqualTo(1);
        List<MessageExt> waiting = readAll(store, DelayLevelRedirect.SCHEDULE_TOPIC, 2);
        assertThat(waiting).hasSize(1);
        MessageExt retry = waiting.get(0);
        assertThat(retry.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo("%RETRY%G");
        assertThat(retry.getProperty(MessageConst.PROPERTY_RETRY_TOPIC)).isEqualTo("T");
        assertThat(retry.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID)).isNotBlank();
        assertThat(retry.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)).isEqualTo("ID-a");
        assertThat(retry.getReconsumeTimes()).isEqualTo(1);
    }

    @Test
    void levelGrowsWithReconsumeTimesAndAnExplicitLevelWins() throws Exception {
        MessageExtBrokerInner third = message("%RETRY%G", 0, "b");
        third.setReconsumeTimes(2);
        third.putProperty(MessageConst.PROPERTY_RETRY_TOPIC, "T");
        third.putProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, "FIRST");
        StoredMessages.seal(third);
        long offset = store(third);
        sendBack(offset, 0, 16);
        MessageExt retry = readAll(store, DelayLevelRedirect.SCHEDULE_TOPIC, 4).get(0);
        assertThat(retry.getProperty(MessageConst.PROPERTY_RETRY_TOPIC)).as("kept").isEqualTo("T");
        assertThat(retry.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID)).as("kept").isEqualTo("FIRST");
        assertThat(retry.getReconsumeTimes()).isEqualTo(3);

        sendBack(offset, 1, 16);
        assertThat(readAll(store, DelayLevelRedirect.SCHEDULE_TOPIC, 0)).hasSize(1);
    }

    @Test
    void exhaustedOrRefusedMessagesGoToTheDeadLetterTopic() throws Exception {
        MessageExtBrokerInner tired = message("%RETRY%G", 0, "c");
        tired.setReconsumeTimes(3);
        StoredMessages.seal(tired);
        long offset = store(tired);
        sendBack(offset, 0, 3);
        List<MessageExt> dead = readAll(store, "%DLQ%G", 0);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).getReconsumeTimes()).isEqualTo(4);
        assertThat(dead.get(0).getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL)).isNull();
        assertThat(dead.get(0).getProperty(MessageConst.PROPERTY_DLQ_ORIGIN_TOPIC)).isEqualTo("%RETRY%G");
        assertThat(topics.select("%DLQ%G").getPerm()).isEqualTo(PermName.READ_WRITE);
        assertThat(topics.select("%DLQ%G").getWriteQueueNums()).isEqualTo(1);

        long fresh = store(message("T", 0, "d"));
        sendBack(fresh, -1, 16);
        assertThat(readAll(store, "%DLQ%G", 0)).hasSize(2);
    }

    @Test
    void groupMaximumAppliesWhenTheClientSendsNone() throws Exception {
        SubscriptionGroupConfig config = groups.findOrCreate("G");
        config.setRetryMaxTimes(1);
        groups.update(config);
        MessageExtBrokerInner once = message("%RETRY%G", 0, "e");
        once.setReconsumeTimes(1);
        StoredMessages.seal(once);
        sendBack(store(once), 0, null);
        assertThat(readAll(store, "%DLQ%G", 0)).hasSize(1);
    }

    @Test
    void unknownOffsetIsAnError() throws Exception {
        assertThat(sendBack(123_456, 0, 16).getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }
}
