package io.apogee.broker.transaction;

import static io.apogee.broker.schedule.TestMessages.message;
import static io.apogee.broker.schedule.TestMessages.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apogee.broker.offset.ConsumerOffsetManager;
import io.apogee.broker.schedule.DelayLevelRedirect;
import io.apogee.broker.schedule.DelayLevels;
import io.apogee.broker.schedule.RedirectingPut;
import io.apogee.broker.schedule.StoredMessages;
import io.apogee.broker.schedule.TestMessages;
import io.apogee.broker.testing.InMemoryMessageStore;
import io.apogee.common.message.MessageCodec;
import io.apogee.common.message.MessageConst;
import io.apogee.common.message.MessageExt;
import io.apogee.common.message.MessageExtBrokerInner;
import io.apogee.common.message.MessageSysFlag;
import io.apogee.protocol.RequestCode;
import io.apogee.protocol.ResponseCode;
import io.apogee.protocol.header.CheckTransactionStateRequestHeader;
import io.apogee.protocol.header.EndTransactionRequestHeader;
import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.AppendMessageResult;
import io.apogee.store.MessageStoreConfig;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class TransactionalMessagesTest {
    /** Checks are due at once so the test never waits for them. */
    private static final TransactionConfig CONFIG = new TransactionConfig(0, 60_000, 3, 60_000);

    @TempDir
    Path dir;
    private InMemoryMessageStore store;
    private RedirectingPut put;
    private ConsumerOffsetManager offsets;
    private final List<RemotingCommand> checks = new CopyOnWriteArrayList<>();
    private volatile boolean producerOnline = true;
    private TransactionalMessages transactions;

    @BeforeEach
    void setUp() {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toString());
        store = new InMemoryMessageStore(config);
        put = new RedirectingPut(store, List.of(new HalfMessageRedirect(), new DelayLevelRedirect(DelayLevels.parse("1s"))));
        offsets = new ConsumerOffsetManager(dir);
        transactions = newTransactions();
    }

    private TransactionalMessages newTransactions() {
        return newTransactions(CONFIG);
    }

    private TransactionalMessages newTransactions(TransactionConfig config) {
        return new TransactionalMessages(put, offsets, config, group -> {
            assertThat(group).isEqualTo("PG");
            return producerOnline ? checks::add : null;
        }, "broker-a");
    }

    @AfterEach
    void tearDown() {
        transactions.shutdown();
        store.shutdown();
    }

    private AppendMessageResult sendHalf(String body) {
        return sendHalf(body, null);
    }

    private AppendMessageResult sendHalf(String body, String immunitySeconds) {
        MessageExtBrokerInner msg = message("T", 2, body);
        if (immunitySeconds != null) {
            msg.putProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, immunitySeconds);
        }
        msg.putProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        msg.putProperty(MessageConst.PROPERTY_PRODUCER_GROUP, "PG");
        msg.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        StoredMessages.seal(msg);
        return put.put(msg).join().getAppendMessageResult();
    }

    private RemotingCommand end(long commitLogOffset, long queueOffset, int decision, String group) throws Exception {
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setProducerGroup(group);
        header.setCommitLogOffset(commitLogOffset);
        header.setTranStateTableOffset(queueOffset);
        header.setCommitOrRollback(decision);
        header.setMsgId("x");
        RemotingCommand request = RemotingCommand.request(RequestCode.END_TRANSACTION, header);
        return transactions.endTransactionProcessor().process(null, request).join();
    }

    @Test
    void halfMessageIsHiddenUntilCommitted() throws Exception {
        AppendMessageResult half = sendHalf("a");
        assertThat(readAll(store, "T", 2)).isEmpty();
        MessageExt parked = readAll(store, TransactionTopics.HALF, 0).get(0);
        assertThat(parked.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo("T");
        assertThat(parked.getProperty(MessageConst.PROPERTY_TRANSACTION_ID)).isEqualTo("ID-a");
        assertThat(MessageSysFlag.getTransactionValue(parked.getSysFlag())).isZero();

        assertThat(end(half.getWroteOffset(), half.getLogicsOffset(), MessageSysFlag.TRANSACTION_COMMIT_TYPE, "PG").getCode())
                .isEqualTo(ResponseCode.SUCCESS);
        List<MessageExt> visible = readAll(store, "T", 2);
        assertThat(visible).hasSize(1);
        MessageExt committed = visible.get(0);
        assertThat(MessageSysFlag.getTransactionValue(committed.getSysFlag())).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(committed.getPreparedTransactionOffset()).isEqualTo(half.getWroteOffset());
        assertThat(committed.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED)).isNull();
        assertThat(committed.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isNull();
        assertThat(committed.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP)).isEqualTo("PG");
        assertThat(TestMessages.body(readAll(store, TransactionTopics.OP, 0).get(0))).isEqualTo("0");

        // The same answer again (e.g. after a check) publishes nothing more.
        end(half.getWroteOffset(), half.getLogicsOffset(), MessageSysFlag.TRANSACTION_COMMIT_TYPE, "PG");
        assertThat(readAll(store, "T", 2)).hasSize(1);
        assertThat(transactions.checkNow()).isZero();
    }

    @Test
    void rollbackPublishesNothingAndWrongReferencesAreRefused() throws Exception {
        AppendMessageResult half = sendHalf("b");
        assertThat(end(half.getWroteOffset(), half.getLogicsOffset(), MessageSysFlag.TRANSACTION_COMMIT_TYPE, "OTHER").getCode())
                .isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(end(half.getWroteOffset(), half.getLogicsOffset() + 5, MessageSysFlag.TRANSACTION_COMMIT_TYPE, "PG").getCode())
                .isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(end(half.getWroteOffset(), half.getLogicsOffset(), MessageSysFlag.TRANSACTION_ROLLBACK_TYPE, "PG").getCode())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(readAll(store, "T", 2)).isEmpty();
        assertThat(transactions.checkNow()).as("rolled back: nothing to ask").isZero();
    }

    @Test
    void unknownOutcomeIsCheckedWithTheProducerAndItsAnswerCommits() throws Exception {
        sendHalf("c");
        assertThat(end(0, 0, MessageSysFlag.TRANSACTION_NOT_TYPE, "PG")).as("UNKNOWN: no answer").isNull();
        assertThat(transactions.checkNow()).isEqualTo(1);
        RemotingCommand check = checks.get(0);
        CheckTransactionStateRequestHeader header = check.readCustomHeader(CheckTransactionStateRequestHeader.class);
        MessageExt shown = MessageCodec.decode(ByteBuffer.wrap(check.getBody()), true, true);
        assertThat(shown.getTopic()).isEqualTo("T");
        assertThat(shown.getQueueId()).isEqualTo(2);
        assertThat(shown.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP)).isEqualTo("PG");
        assertThat(header.getMsgId()).isEqualTo("ID-c");
        assertThat(header.getBname()).isEqualTo("broker-a");
        assertThat(header.getTranStateTableOffset()).as("asks about the requeued copy").isEqualTo(1);
        assertThat(shown.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).isEqualTo("1");

        end(header.getCommitLogOffset(), header.getTranStateTableOffset(), MessageSysFlag.TRANSACTION_COMMIT_TYPE, "PG");
        assertThat(readAll(store, "T", 2)).hasSize(1);
        assertThat(transactions.checkNow()).isZero();
        assertThat(offsets.queryOffset(TransactionTopics.CHECK_GROUP, TransactionTopics.HALF, 0)).isEqualTo(2);
    }

    @Test
    void halfMessageCheckedTooOftenIsMovedAside() {
        sendHalf("d");
        for (int i = 0; i < CONFIG.transactionCheckMax(); i++) {
            transactions.checkNow();
        }
        assertThat(checks).hasSize(3);
        transactions.checkNow();
        assertThat(checks).hasSize(3);
        List<MessageExt> given = readAll(store, TransactionTopics.CHECK_MAX_TIME, 0);
        assertThat(given).hasSize(1);
        assertThat(given.get(0).getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).isEqualTo("3");
        transactions.checkNow();
        assertThat(readAll(store, TransactionTopics.CHECK_MAX_TIME, 0)).hasSize(1);
        assertThat(readAll(store, "T", 2)).isEmpty();
    }

    /** A restarted broker walks before the producers' heartbeats arrive: those walks asked nobody and do not count. */
    @Test
    void walksWithNoProducerOnlineAreNotCountedAsChecks() throws Exception {
        producerOnline = false;
        sendHalf("g");
        for (int i = 0; i < CONFIG.transactionCheckMax() + 2; i++) {
            assertThat(transactions.checkNow()).isZero();
        }
        assertThat(readAll(store, TransactionTopics.CHECK_MAX_TIME, 0)).isEmpty();

        producerOnline = true;
        assertThat(transactions.checkNow()).isEqualTo(1);
        RemotingCommand check = checks.get(0);
        MessageExt shown = MessageCodec.decode(ByteBuffer.wrap(check.getBody()), true, true);
        assertThat(shown.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).as("the first real check").isEqualTo("1");
    }

    @Test
    void halfMessageWithNoProducerForTooLongIsMovedAside() {
        transactions.shutdown();
        transactions = newTransactions(new TransactionConfig(0, 60_000, 3, 0));
        producerOnline = false;
        sendHalf("h");
        long born = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > born + 1);
        transactions.checkNow();
        List<MessageExt> given = readAll(store, TransactionTopics.CHECK_MAX_TIME, 0);
        assertThat(given).hasSize(1);
        assertThat(given.get(0).getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).as("never asked").isNull();
        assertThat(checks).isEmpty();
    }

    @Test
    void aLongerImmunityDelaysOnlyItsOwnCheck() throws Exception {
        sendHalf("patient", "1");
        sendHalf("f");
        assertThat(transactions.checkNow()).as("only the one without its own immunity").isEqualTo(1);
        assertThat(checks.get(0).readCustomHeader(CheckTransactionStateRequestHeader.class).getMsgId()).isEqualTo("ID-f");
        long bornBefore = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> System.currentTimeMillis() > bornBefore + 1_000);
        assertThat(transactions.checkNow()).isEqualTo(2);
        assertThat(checks).extracting(c -> c.readCustomHeader(CheckTransactionStateRequestHeader.class).getMsgId())
                .contains("ID-patient");
    }

    @Test
    void checkProgressContinuesAfterARestart() throws Exception {
        sendHalf("e");
        transactions.checkNow();
        transactions.shutdown();
        transactions = newTransactions();
        transactions.checkNow();
        assertThat(checks).hasSize(2);
        assertThat(checks.get(1).readCustomHeader(CheckTransactionStateRequestHeader.class).getTranStateTableOffset())
                .as("the second walk starts after the first, at the copy it made").isEqualTo(2);
    }
}
