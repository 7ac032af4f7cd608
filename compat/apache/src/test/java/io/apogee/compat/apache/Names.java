package io.apogee.compat.apache;

import java.util.concurrent.atomic.AtomicInteger;

/** Topic and group names unique per run, so tests sharing one server never see each other's messages. */
final class Names {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private Names() {
    }

    static String unique(String prefix) {
        return prefix + "_" + RUN + "_" + COUNTER.incrementAndGet();
    }
}
