package io.apogee.broker.filter;

import io.apogee.protocol.body.SubscriptionData;
import io.apogee.store.MessageFilter;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Filters by the consume-queue tag code: a message passes when its tag's hash is one of the
 * subscription's codes. Collisions pass too; the client re-checks the tag string.
 */
public final class TagMessageFilter implements MessageFilter {
    private final SubscriptionData subscription;

    public TagMessageFilter(SubscriptionData subscription) {
        this.subscription = subscription;
    }

    @Override
    public boolean isMatchedByConsumeQueue(long tagsCode) {
        if (subscription == null || subscription.matchesAll()) {
            return true;
        }
        return tagsCode >= Integer.MIN_VALUE && tagsCode <= Integer.MAX_VALUE
                && subscription.getCodeSet().contains((int) tagsCode);
    }

    @Override
    public boolean isMatchedByCommitLog(ByteBuffer record, Map<String, String> properties) {
        return true;
    }
}
