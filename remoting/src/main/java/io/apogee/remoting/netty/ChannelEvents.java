package io.apogee.remoting.netty;

import io.apogee.remoting.ChannelEventListener;
import io.netty.channel.Channel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers connection events to the owner's listener on one dedicated thread, in order, so a slow
 * listener (e.g. a registry cleaning up after a broker) never stalls an IO thread.
 */
final class ChannelEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelEvents.class);
    private final String threadName;
    private volatile ChannelEventListener listener;
    private volatile ExecutorService executor;

    ChannelEvents(String threadName) {
        this.threadName = threadName;
    }

    void setListener(ChannelEventListener listener) {
        this.listener = listener;
    }

    void start() {
        executor = Executors.newSingleThreadExecutor(new NamedThreadFactory(threadName));
    }

    void shutdown() {
        if (executor != null) {
            executor.shutdown();
        }
    }

    void connected(Channel channel) {
        fire(channel, (l) -> l.onChannelConnect(RemotingAddress.remote(channel), channel));
    }

    void closed(Channel channel) {
        fire(channel, (l) -> l.onChannelClose(RemotingAddress.remote(channel), channel));
    }

    void exception(Channel channel) {
        fire(channel, (l) -> l.onChannelException(RemotingAddress.remote(channel), channel));
    }

    void idle(Channel channel) {
        fire(channel, (l) -> l.onChannelIdle(RemotingAddress.remote(channel), channel));
    }

    private void fire(Channel channel, Consumer<ChannelEventListener> event) {
        ChannelEventListener l = listener;
        ExecutorService e = executor;
        if (l == null || e == null) {
            return;
        }
        try {
            e.execute(() -> {
                try {
                    event.accept(l);
                } catch (RuntimeException ex) {
                    LOG.warn("channel event listener failed for {}", RemotingAddress.remote(channel), ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            LOG.debug("channel event for {} after shutdown dropped", RemotingAddress.remote(channel));
        }
    }
}
