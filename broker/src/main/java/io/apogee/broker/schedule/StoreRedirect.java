package io.apogee.broker.schedule;

import io.apogee.common.message.MessageExtBrokerInner;

/**
 * One rule that may divert a message about to be stored into a system topic (delay level, timer,
 * transaction half) and remember where it really belongs in REAL_TOPIC / REAL_QID.
 */
public interface StoreRedirect {

    /**
     * Rewrites {@code msg} in place when the rule applies, leaving it sealed (properties string and tag
     * code recomputed); a message the rule does not touch stays as it was.
     *
     * @return null when the message may be stored, else why it is refused (answered as MESSAGE_ILLEGAL)
     */
    String apply(MessageExtBrokerInner msg);
}
