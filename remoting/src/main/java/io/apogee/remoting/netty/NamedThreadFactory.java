package io.apogee.remoting.netty;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names threads {@code prefix_N} so thread dumps show which component owns them. They are Netty
 * FastThreadLocalThreads, so Netty's per-thread state (buffer caches, recyclers) takes its fast path.
 */
public final class NamedThreadFactory implements ThreadFactory {
    private final String prefix;
    private final boolean daemon;
    private final AtomicInteger next = new AtomicInteger(1);

    public NamedThreadFactory(String prefix, boolean daemon) {
        this.prefix = prefix;
        this.daemon = daemon;
    }

    public NamedThreadFactory(String prefix) {
        this(prefix, true);
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new FastThreadLocalThread(r, prefix + "_" + next.getAndIncrement());
        t.setDaemon(daemon);
        return t;
    }
}
