package io.apogee.broker.processor;

import io.apogee.protocol.ResponseCode;
import io.apogee.remoting.RequestProcessor;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * A processor that answers on its own thread without waiting for anything. A request whose header
 * or body cannot be decoded is answered SYSTEM_ERROR with the decoder's explanation.
 */
@FunctionalInterface
public interface SyncProcessor extends RequestProcessor {
    RemotingCommand handle(Channel channel, RemotingCommand request) throws Exception;

    @Override
    default CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws Exception {
        RemotingCommand response;
        try {
            response = handle(channel, request);
        } catch (RemotingCommandException | IllegalArgumentException e) {
            response = Responses.error(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        return CompletableFuture.completedFuture(response);
    }
}
