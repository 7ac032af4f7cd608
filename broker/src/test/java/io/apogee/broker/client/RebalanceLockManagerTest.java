package io.apogee.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.apogee.common.message.MessageQueue;
import java.util.Set;
import org.awaitility.Awaitility;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RebalanceLockManagerTest {
    private final MessageQueue q0 = new MessageQueue("T", "b", 0);
    private final MessageQueue q1 = new MessageQueue("T", "b", 1);

    @Test
    void aLockHeldByOneClientIsNotGrantedToAnother() {
        RebalanceLockManager locks = new RebalanceLockManager(60_000);

        assertThat(locks.tryLockBatch("G", Set.of(q0), "c1")).containsExactly(q0);
        assertThat(locks.tryLockBatch("G", Set.of(q0, q1), "c2")).containsExactly(q1);
        assertThat(locks.tryLockBatch("G", Set.of(q0), "c1")).containsExactly(q0);
        assertThat(locks.tryLockBatch("Other", Set.of(q0), "c2")).containsExactly(q0);
    }

    @Test
    void unlockAndExpiryFreeTheQueue() {
        RebalanceLockManager locks = new RebalanceLockManager(50);
        locks.tryLockBatch("G", Set.of(q0), "c1");
        locks.unlockBatch("G", Set.of(q0), "c2");
        assertThat(locks.tryLockBatch("G", Set.of(q0), "c2")).isEmpty();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !locks.hasLiveLocks("G"));

        assertThat(locks.tryLockBatch("G", Set.of(q0), "c2")).containsExactly(q0);
        locks.unlockBatch("G", Set.of(q0), "c2");
        assertThat(locks.tryLockBatch("G", Set.of(q0), "c1")).containsExactly(q0);
    }
}
