package io.apogee.broker.filter;

import io.apogee.protocol.body.SubscriptionData;
import io.apogee.store.MessageFilter;

/**
 * Turns a consumer's subscription into the store filter for its pulls: tags by hash code, or a
 * compiled SQL92 expression over the message properties (when the broker enables property
 * filtering). Used by pulls and by CHECK_CLIENT_CONFIG, so a malformed expression is refused with
 * the same reason either way.
 */
public final class SubscriptionFilters {
    private final boolean propertyFilterEnabled;
    private final Sql92ExpressionCache cache = new Sql92ExpressionCache();

    public SubscriptionFilters(boolean propertyFilterEnabled) {
        this.propertyFilterEnabled = propertyFilterEnabled;
    }

    /** Thrown for a subscription the broker cannot filter; {@link #parseFailure()} tells which answer code fits. */
    public static final class UnsupportedSubscriptionException extends Exception {
        private final boolean parseFailure;

        UnsupportedSubscriptionException(String message, boolean parseFailure) {
            super(message);
            this.parseFailure = parseFailure;
        }

        /** True for a malformed expression (SUBSCRIPTION_PARSE_FAILED), false for an unsupported type (SYSTEM_ERROR). */
        public boolean parseFailure() {
            return parseFailure;
        }
    }

    public MessageFilter filterFor(String group, SubscriptionData subscription) throws UnsupportedSubscriptionException {
        if (subscription == null || !isSql92(subscription)) {
            if (subscription != null && subscription.getExpressionType() != null
                    && !SubscriptionData.EXPRESSION_TAG.equals(subscription.getExpressionType())) {
                throw new UnsupportedSubscriptionException("The broker does not support consumer to filter message by "
                        + subscription.getExpressionType(), false);
            }
            return new TagMessageFilter(subscription);
        }
        if (!propertyFilterEnabled) {
            throw new UnsupportedSubscriptionException(
                    "The broker does not support consumer to filter message by SQL92 (enablePropertyFilter=false)", false);
        }
        try {
            return new Sql92MessageFilter(cache.get(group, subscription.getTopic(), subscription.getSubString()));
        } catch (SqlParseException e) {
            throw new UnsupportedSubscriptionException(e.getMessage(), true);
        }
    }

    private static boolean isSql92(SubscriptionData subscription) {
        return SubscriptionData.EXPRESSION_SQL92.equals(subscription.getExpressionType());
    }
}
