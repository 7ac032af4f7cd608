package io.apogee.store.ha;

import static io.apogee.store.StoreTestSupport.message;
import static io.apogee.store.StoreTestSupport.smallConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.store.BrokerRole;
import io.apogee.store.DefaultMessageStore;
import io.apogee.store.MessageStoreConfig;
import io.apogee.store.PutMessageResult;
import io.apogee.store.PutMessageStatus;
import io.apogee.store.StoreTestSupport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two stores in one JVM replicating over a real socket, plus a hand-written slave speaking the raw wire. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplicationTest {
    @TempDir
    Path dir;
    private DefaultMessageStore master;
    private DefaultMessageStore slave;

    @AfterEach
    void stop() {
        if (slave != null) {
            slave.shutdown();
        }
        if (master != null) {
            master.shutdown();
        }
    }

    private DefaultMessageStore startMaster(BrokerRole role) throws Exception {
        MessageStoreConfig config = smallConfig(dir.resolve("master"));
        config.setBrokerRole(role);
        config.setHaListenPort(0);
        config.setSlaveTimeout(500);
        master = new DefaultMessageStore(config);
        master.start();
        return master;
    }

    private DefaultMessageStore startSlave() throws Exception {
        MessageStoreConfig config = smallConfig(dir.resolve("slave"));
        config.setBrokerRole(BrokerRole.SLAVE);
        config.setHaMasterAddress("127.0.0.1:" + master.getHaListenPort());
        // a small batch makes frames cut records in half, as the real thing does at every batch end
        config.setHaTransferBatchSize(3000);
        slave = new DefaultMessageStore(config);
        slave.start();
        return slave;
    }

    private void put(DefaultMessageStore store, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            PutMessageResult r = store.putMessage(message("T", i % 3, new byte[1000 + i % 50], "tag", "k" + i)).get();
            assertThat(r.isOk()).as(r.toString()).isTrue();
        }
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> slave.getMaxPhyOffset() == master.getMaxPhyOffset()
                && slave.dispatchBehindBytes() == 0 && master.dispatchBehindBytes() == 0);
    }

    private static byte[] commitLogBytes(DefaultMessageStore store, long end) throws Exception {
        MessageStoreConfig config = store.getMessageStoreConfig();
        int fileSize = config.getMappedFileSizeCommitLog();
        byte[] all = new byte[(int) end];
        for (long from = 0; from < end; from += fileSize) {
            byte[] file = Files.readAllBytes(Path.of(config.getStorePathCommitLog(), String.format("%020d", from)));
            System.arraycopy(file, 0, all, (int) from, (int) Math.min(fileSize, end - from));
        }
        return all;
    }

    private static byte[] consumeQueueBytes(DefaultMessageStore store, int queueId) throws Exception {
        File queueDir = Path.of(store.getMessageStoreConfig().getStorePathConsumeQueue(), "T", String.valueOf(queueId)).toFile();
        File[] files = queueDir.listFiles();
        assertThat(files).hasSize(1);
        long entries = store.getMaxOffsetInQueue("T", queueId);
        return Arrays.copyOf(Files.readAllBytes(files[0].toPath()), (int) entries * 20);
    }

    @Test
    void slaveHoldsTheMastersBytesAtTheSameOffsetsAndDispatchesThem() throws Exception {
        startMaster(BrokerRole.ASYNC_MASTER);
        put(master, 0, 600);
        startSlave();
        awaitCaughtUp();
        put(master, 600, 2700);
        awaitCaughtUp();

        long end = master.getMaxPhyOffset();
        assertThat(end).isGreaterThan(2L * master.getMessageStoreConfig().getMappedFileSizeCommitLog());
        assertThat(commitLogBytes(slave, end)).isEqualTo(commitLogBytes(master, end));
        for (int q = 0; q < 3; q++) {
            assertThat(slave.getMaxOffsetInQueue("T", q)).isEqualTo(master.getMaxOffsetInQueue("T", q));
            assertThat(consumeQueueBytes(slave, q)).isEqualTo(consumeQueueBytes(master, q));
        }
        assertThat(StoreTestSupport.read(slave, "T", 1, 400).getKeys()).isEqualTo("k1201");
        assertThat(slave.queryMessage("T", "k2699", 1, 0, Long.MAX_VALUE).getMessageBufferList()).hasSize(1);
        await().until(() -> master.getHaService().slaveAckOffset() == end);
    }

    @Test
    void emptySlaveJoiningALongLogStartsAtTheMastersLastFile() throws Exception {
        startMaster(BrokerRole.ASYNC_MASTER);
        put(master, 0, 2700);
        startSlave();
        awaitCaughtUp();

        int fileSize = master.getMessageStoreConfig().getMappedFileSizeCommitLog();
        long end = master.getMaxPhyOffset();
        assertThat(slave.getMinPhyOffset()).isEqualTo(end - end % fileSize).isPositive();
        long firstOnSlave = -1;
        for (long offset = 0; offset < master.getMaxOffsetInQueue("T", 2); offset++) {
            long phys = master.getCommitLogOffsetInQueue("T", 2, offset);
            if (phys >= slave.getMinPhyOffset()) {
                firstOnSlave = offset;
                break;
            }
        }
        // the queues on the slave hold the same queue offsets as the master's, from the first replicated record on
        assertThat(slave.getMaxOffsetInQueue("T", 2)).isEqualTo(master.getMaxOffsetInQueue("T", 2));
        assertThat(StoreTestSupport.read(slave, "T", 2, firstOnSlave).getKeys())
                .isEqualTo(StoreTestSupport.read(master, "T", 2, firstOnSlave).getKeys());
    }

    @Test
    void restartedSlaveResumesFromItsOwnEnd() throws Exception {
        startMaster(BrokerRole.ASYNC_MASTER);
        startSlave();
        put(master, 0, 300);
        awaitCaughtUp();
        slave.shutdown();
        long slaveEnd = slave.getMaxPhyOffset();
        put(master, 300, 700);

        startSlave();
        assertThat(slave.getMaxPhyOffset()).isEqualTo(slaveEnd);
        awaitCaughtUp();
        assertThat(commitLogBytes(slave, master.getMaxPhyOffset())).isEqualTo(commitLogBytes(master, master.getMaxPhyOffset()));
        assertThat(slave.getMaxOffsetInQueue("T", 0)).isEqualTo(master.getMaxOffsetInQueue("T", 0));
    }

    @Test
    void syncMasterAnswersOnlyOnceTheSlaveHoldsTheMessage() throws Exception {
        startMaster(BrokerRole.SYNC_MASTER);
        PutMessageResult alone = master.putMessage(message("T", 0, new byte[10])).get();
        assertThat(alone.getPutMessageStatus()).isEqualTo(PutMessageStatus.SLAVE_NOT_AVAILABLE);
        assertThat(alone.getAppendMessageResult()).isNotNull();

        startSlave();
        await().until(() -> master.getHaService().connectionCount() == 1);
        for (int i = 0; i < 50; i++) {
            PutMessageResult r = master.putMessage(message("T", 0, new byte[100])).get();
            assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.PUT_OK);
            long end = r.getAppendMessageResult().getWroteOffset() + r.getAppendMessageResult().getWroteBytes();
            assertThat(slave.getMaxPhyOffset()).isGreaterThanOrEqualTo(end);
        }
    }

    @Test
    void masterSpeaksRocketMqsWireAndTimesOutWithoutAcknowledgements() throws Exception {
        startMaster(BrokerRole.SYNC_MASTER);
        try (Socket fake = new Socket("127.0.0.1", master.getHaListenPort())) {
            DataOutputStream out = new DataOutputStream(fake.getOutputStream());
            DataInputStream in = new DataInputStream(fake.getInputStream());
            out.writeLong(0);
            out.flush();
            await().until(() -> master.getHaService().connectionCount() == 1);

            PutMessageResult r = master.putMessage(message("T", 0, "hello".getBytes())).get();
            assertThat(r.getPutMessageStatus()).isEqualTo(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);

            long size = r.getAppendMessageResult().getWroteBytes();
            long offset = in.readLong();
            int bodySize = in.readInt();
            while (bodySize == 0) {
                offset = in.readLong();
                bodySize = in.readInt();
            }
            assertThat(offset).isZero();
            assertThat(bodySize).isEqualTo(size);
            byte[] body = in.readNBytes(bodySize);
            assertThat(body).isEqualTo(commitLogBytes(master, size));

            out.writeLong(size);
            out.flush();
            await().until(() -> master.getHaService().slaveAckOffset() == size);
            PutMessageResult second = master.putMessage(message("T", 0, "again".getBytes())).get();
            assertThat(second.getPutMessageStatus()).isEqualTo(PutMessageStatus.FLUSH_SLAVE_TIMEOUT);
        }
    }
}
