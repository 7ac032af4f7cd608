package io.apogee.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageBudgetTest {

    @Test
    void claimsStopAtTheTotalAndTheLastClaimIsPartial() {
        MessageBudget budget = new MessageBudget(70);
        assertThat(budget.claim(32)).isEqualTo(32);
        assertThat(budget.claim(32)).isEqualTo(32);
        assertThat(budget.claim(32)).isEqualTo(6);
        assertThat(budget.claim(1)).isZero();
    }

    @Test
    void zeroMeansUnlimited() {
        MessageBudget budget = new MessageBudget(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(budget.claim(32)).isEqualTo(32);
        }
    }
}
