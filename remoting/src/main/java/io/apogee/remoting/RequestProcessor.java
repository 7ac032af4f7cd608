package io.apogee.remoting;

import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * Handles the requests of one or more codes. It runs on the executor it was registered with and
 * answers through the returned future, so a processor that waits on disk, a replica or a long poll
 * frees its thread and completes later. A future completed with null sends nothing; a future
 * completed exceptionally is answered SYSTEM_ERROR with the exception's message.
 * Responses to oneway requests are dropped by the server.
 */
@FunctionalInterface
public interface RequestProcessor {
    CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws Exception;

    /** Lets a processor refuse work before it is queued, e.g. when its backlog is full (answered SYSTEM_BUSY). */
    default boolean rejectRequest() {
        return false;
    }
}
