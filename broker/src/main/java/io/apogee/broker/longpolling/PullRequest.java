package io.apogee.broker.longpolling;

import io.apogee.remoting.protocol.RemotingCommand;
import io.apogee.store.MessageFilter;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * A pull parked until a matching message arrives or its hold time ends. {@code response} is the
 * future the remoting layer is waiting on; it completes exactly once, with the re-executed pull.
 */
public record PullRequest(RemotingCommand request, Channel channel, String topic, int queueId, long pullFromOffset,
                          long deadlineMillis, MessageFilter filter, CompletableFuture<RemotingCommand> response) {

    boolean expired(long now) {
        return now >= deadlineMillis;
    }
}
