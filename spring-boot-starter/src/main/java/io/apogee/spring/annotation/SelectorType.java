package io.apogee.spring.annotation;

import io.apogee.client.consumer.MessageSelector;

/** How {@link ApogeeMessageListener#selectorExpression()} is read. */
public enum SelectorType {
    /** Tags joined by {@code ||}, or {@code *} for every message; filtered by the broker on the tag hash. */
    TAG,
    /** An SQL92 condition on the message's properties; the broker needs {@code enablePropertyFilter=true}. */
    SQL92;

    /** The client's selector for {@code expression} read this way. */
    public MessageSelector selector(String expression) {
        return this == SQL92 ? MessageSelector.bySql(expression) : MessageSelector.byTag(expression);
    }
}
