package io.apogee.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apogee.protocol.body.SubscriptionData;
import io.apogee.store.MessageFilter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SubscriptionFiltersTest {
    private final SubscriptionFilters filters = new SubscriptionFilters(true);

    @Test
    void sqlSubscriptionsPassTheTagCheckAndFilterOnProperties() throws Exception {
        MessageFilter filter = filters.filterFor("g", SubscriptionData.of("T", "a > 1", SubscriptionData.EXPRESSION_SQL92));
        assertThat(filter.isMatchedByConsumeQueue(12345)).isTrue();
        assertThat(filter.isMatchedByCommitLog(null, Map.of("a", "2"))).isTrue();
        assertThat(filter.isMatchedByCommitLog(null, Map.of("a", "0"))).isFalse();
    }

    @Test
    void tagSubscriptionsFilterByTagCode() throws Exception {
        MessageFilter filter = filters.filterFor("g", SubscriptionData.of("T", "TagA || TagB", SubscriptionData.EXPRESSION_TAG));
        assertThat(filter.isMatchedByConsumeQueue("TagB".hashCode())).isTrue();
        assertThat(filter.isMatchedByConsumeQueue("TagC".hashCode())).isFalse();
    }

    @Test
    void malformedOrDisabledSqlIsRefusedWithTheReason() {
        assertThatThrownBy(() -> filters.filterFor("g", SubscriptionData.of("T", "a >", SubscriptionData.EXPRESSION_SQL92)))
                .isInstanceOfSatisfying(SubscriptionFilters.UnsupportedSubscriptionException.class,
                        e -> assertThat(e.parseFailure()).isTrue())
                .hasMessageContaining("position 3");
        assertThatThrownBy(() -> new SubscriptionFilters(false).filterFor("g",
                SubscriptionData.of("T", "a > 1", SubscriptionData.EXPRESSION_SQL92)))
                .isInstanceOfSatisfying(SubscriptionFilters.UnsupportedSubscriptionException.class,
                        e -> assertThat(e.parseFailure()).isFalse());
    }
}
