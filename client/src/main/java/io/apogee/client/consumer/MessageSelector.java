package io.apogee.client.consumer;

import io.apogee.protocol.body.SubscriptionData;

/** A subscription expression: tags ({@code "TagA || TagB"}, {@code "*"}) or an SQL92 filter evaluated by the broker. */
public final class MessageSelector {
    private final String type;
    private final String expression;

    private MessageSelector(String type, String expression) {
        this.type = type;
        this.expression = expression;
    }

    /** SQL92 over user properties, e.g. {@code "a > 5 AND b = 'x'"}; needs {@code enablePropertyFilter=true} on the broker. */
    public static MessageSelector bySql(String sql) {
        return new MessageSelector(SubscriptionData.EXPRESSION_SQL92, sql);
    }

    /** Tags separated by {@code ||}; null, empty or {@code *} match every message. */
    public static MessageSelector byTag(String tag) {
        return new MessageSelector(SubscriptionData.EXPRESSION_TAG, tag);
    }

    public String getExpressionType() {
        return type;
    }

    public String getExpression() {
        return expression;
    }
}
