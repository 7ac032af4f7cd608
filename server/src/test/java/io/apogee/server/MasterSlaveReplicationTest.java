package io.apogee.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.broker.BrokerController;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.PullMessageRequestHeader;
import io.apogee.protocol.header.PullMessageResponseHeader;
import io.apogee.protocol.header.PullSysFlag;
import io.apogee.protocol.header.QueryConsumerOffsetRequestHeader;
import io.apogee.protocol.header.QueryConsumerOffsetResponseHeader;
import io.apogee.protocol.header.SendMessageRequestHeader;
import io.apogee.protocol.header.SendMessageRequestHeaderV2;
import io.apogee.protocol.header.SendMessageResponseHeader;
import io.apogee.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.apogee.remoting.netty.NettyClientConfig;
import io.apogee.remoting.netty.NettyRemotingClient;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.BrokerRole;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStore;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A SYNC_MASTER and its slave (real sockets, temp dirs) registered with one name server. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MasterSlaveReplicationTest {
    private static final String TOPIC = "Replicated";
    private static final int QUEUES = 4;

    @TempDir
    Path dir;
    private BrokerGroup group;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        // any lag counts as "too far behind to read from memory", so a master points slow readers at the slave
        group = BrokerGroup.start(dir, BrokerRole.SYNC_MASTER, true, store -> {
            store.setMappedFileSizeCommitLog(1024 * 1024);
            store.setAccessMessageInMemoryMaxRatio(0);
        });
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        await().until(() -> ha(group.master()).connectionCount() == 1);
    }

    @AfterEach
    void stop() {
        client.shutdown();
        group.close();
    }

    private static io.apogee.store.ha.HAService ha(BrokerController broker) {
        return ((DefaultMessageStore) broker.store()).getHaService();
    }

    private RemotingCommand call(BrokerController broker, RemotingCommand request) throws Exception {
        return client.invokeSync(broker.brokerAddr(), request, 10_000);
    }

    private RemotingCommand send(BrokerController broker, int i) throws Exception {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup("PG");
        header.setTopic(TOPIC);
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(QUEUES);
        header.setQueueId(i % QUEUES);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setProperties("KEYS\u0001k" + i + "\u0002WAIT\u0001true\u0002");
        byte[] body = ("message " + i).getBytes(StandardCharsets.UTF_8);
        return call(broker, RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, SendMessageRequestHeaderV2.fromV1(header))
                .setBody(body));
    }

    private RemotingCommand updateOffset(BrokerController broker, long offset) throws Exception {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup("CG");
        header.setTopic(TOPIC);
        header.setQueueId(0);
        header.setCommitOffset(offset);
        return call(broker, RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET, header));
    }

    private long queryOffset(BrokerController broker) throws Exception {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup("CG");
        header.setTopic(TOPIC);
        header.setQueueId(0);
        RemotingCommand answer = call(broker, RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET, header));
        assertThat(answer.getCode()).as(answer.getRemark()).isEqualTo(ResponseCode.SUCCESS);
        return answer.readCustomHeader(QueryConsumerOffsetResponseHeader.class).getOffset();
    }

    @Test
    void slaveHoldsWhatTheMasterAcknowledgedAndServesReadsAndMetadata() throws Exception {
        // learned from the name server's answer to the slave's registration
        assertThat(group.slave().slaveSynchronizer().masterAddr()).isEqualTo(group.master().brokerAddr());
        assertThat(ha(group.slave()).masterAddress()).isEqualTo("127.0.0.1:" + group.master().store().getHaListenPort());
        for (int i = 0; i < 200; i++) {
            RemotingCommand sent = send(group.master(), i);
            assertThat(sent.getCode()).as(sent.getRemark()).isEqualTo(ResponseCode.SUCCESS);
            // SYNC_MASTER: the answer comes only once the slave holds the message
            assertThat(group.slave().store().getMaxPhyOffset()).isEqualTo(group.master().store().getMaxPhyOffset());
        }
        assertThat(send(group.slave(), 0).getCode()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE);

        await().until(() -> group.slave().store().dispatchBehindBytes() == 0);
        for (int q = 0; q < QUEUES; q++) {
            long count = group.master().store().getMaxOffsetInQueue(TOPIC, q);
            assertThat(count).isEqualTo(50);
            assertThat(group.slave().store().getMaxOffsetInQueue(TOPIC, q)).isEqualTo(count);
            for (long offset = 0; offset < count; offset++) {
                long phys = group.master().store().getCommitLogOffsetInQueue(TOPIC, q, offset);
                assertThat(group.slave().store().getCommitLogOffsetInQueue(TOPIC, q, offset)).isEqualTo(phys);
                assertThat(record(group.slave().store(), phys)).isEqualTo(record(group.master().store(), phys));
            }
        }

        assertThat(updateOffset(group.master(), 17).getCode()).isEqualTo(ResponseCode.SUCCESS);
        // a pull auto-creates the subscription group on the master
        assertThat(call(group.master(), pull(0, 0)).getCode()).isEqualTo(ResponseCode.SUCCESS);
        group.slave().slaveSynchronizer().syncAll();
        assertThat(group.slave().topicManager().select(TOPIC)).isNotNull();
        assertThat(group.slave().offsetManager().queryOffset("CG", TOPIC, 0)).isEqualTo(17);
        assertThat(group.slave().groupManager().find("CG")).isNotNull();

        RemotingCommand pulled = call(group.slave(), pull(0, 0));
        assertThat(pulled.getCode()).as(pulled.getRemark()).isEqualTo(ResponseCode.SUCCESS);
        PullMessageResponseHeader pullHeader = pulled.readCustomHeader(PullMessageResponseHeader.class);
        assertThat(pullHeader.getNextBeginOffset()).isEqualTo(32);
        assertThat(pullHeader.getSuggestWhichBrokerId()).isZero();

        group.master().brokerConfig().setSlaveReadEnable(true);
        RemotingCommand behind = call(group.master(), pull(0, 0));
        assertThat(behind.readCustomHeader(PullMessageResponseHeader.class).getSuggestWhichBrokerId()).isEqualTo(1);
        // the last queue holds the log's last message: that reader is not behind at all
        RemotingCommand caughtUp = call(group.master(), pull(QUEUES - 1, 48));
        assertThat(caughtUp.readCustomHeader(PullMessageResponseHeader.class).getSuggestWhichBrokerId()).isZero();

        // a slave never moves a consumer's offset (it may only lag): it asks for a retry instead
        RemotingCommand beyond = call(group.slave(), pull(0, 80));
        assertThat(beyond.getCode()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(beyond.readCustomHeader(PullMessageResponseHeader.class).getNextBeginOffset()).isEqualTo(80);
        assertThat(call(group.master(), pull(0, 80)).getCode()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
    }

    private static byte[] record(MessageStore store, long phys) {
        ByteBuf buf = store.selectOneMessageByOffset(phys);
        try {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    private static RemotingCommand pull(int queueId, long offset) {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup("CG");
        header.setTopic(TOPIC);
        header.setQueueId(queueId);
        header.setQueueOffset(offset);
        header.setMaxMsgNums(32);
        header.setSysFlag(PullSysFlag.SUBSCRIPTION);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(1000L);
        header.setSubscription("*");
        header.setSubVersion(0L);
        header.setExpressionType("TAG");
        return RemotingCommand.request(RequestCode.PULL_MESSAGE, header);
    }

    @Test
    void syncMasterAnswersSlaveNotAvailableWithoutItsSlaveAndTheRestartedSlaveCatchesUp() throws Exception {
        assertThat(send(group.master(), 0).getCode()).isEqualTo(ResponseCode.SUCCESS);
        BrokerController slave = group.slave();
        group.stopSlave();
        long slaveEnd = slave.store().getMaxPhyOffset();
        await().until(() -> ha(group.master()).connectionCount() == 0);

        RemotingCommand alone = send(group.master(), 1);
        assertThat(alone.getCode()).isEqualTo(ResponseCode.SLAVE_NOT_AVAILABLE);
        // stored all the same: the producer gets the message id
        assertThat(alone.readCustomHeader(SendMessageResponseHeader.class).getMsgId()).isNotBlank();

        group.startSlave();
        assertThat(group.slave().store().getMaxPhyOffset()).isEqualTo(slaveEnd);
        await().until(() -> ha(group.master()).connectionCount() == 1);
        assertThat(send(group.master(), 2).getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(group.slave().store().getMaxPhyOffset()).isEqualTo(group.master().store().getMaxPhyOffset());
    }

    @Test
    void slaveKeepsConsumerOffsetsWhileTheMasterIsDown() throws Exception {
        assertThat(send(group.master(), 0).getCode()).isEqualTo(ResponseCode.SUCCESS);
        group.slave().slaveSynchronizer().syncAll();
        group.stopMaster();

        assertThat(updateOffset(group.slave(), 1).getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(queryOffset(group.slave())).isEqualTo(1);
        group.slave().slaveSynchronizer().syncAll();
        assertThat(queryOffset(group.slave())).isEqualTo(1);
    }

    @Test
    void slaveRestartedAsMasterTakesOverWithTheMastersMessagesAndMetadata() throws Exception {
        for (int i = 0; i < 8; i++) {
            assertThat(send(group.master(), i).getCode()).isEqualTo(ResponseCode.SUCCESS);
        }
        assertThat(updateOffset(group.master(), 1).getCode()).isEqualTo(ResponseCode.SUCCESS);
        group.slave().slaveSynchronizer().syncAll();
        long end = group.master().store().getMaxPhyOffset();
        group.stopMaster();

        BrokerController promoted = group.promoteSlave();
        assertThat(promoted.store().getMaxPhyOffset()).isEqualTo(end);
        assertThat(queryOffset(promoted)).isEqualTo(1);
        // a SYNC_MASTER without a slave still stores the message, it only says no slave has it
        RemotingCommand sent = send(promoted, 8);
        assertThat(sent.getCode()).isEqualTo(ResponseCode.SLAVE_NOT_AVAILABLE);
        assertThat(sent.readCustomHeader(SendMessageResponseHeader.class).getQueueOffset()).isEqualTo(2);
        RemotingCommand pulled = call(promoted, pull(0, 0));
        assertThat(pulled.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(pulled.readCustomHeader(PullMessageResponseHeader.class).getNextBeginOffset()).isEqualTo(3);
    }
}
