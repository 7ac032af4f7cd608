package io.apogee.namesrv.processor;

import io.apogee.protocol.ResponseCode;
import io.apogee.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;

/** The name server answers synchronously; these keep that plumbing out of the processors. */
final class Responses {
    private Responses() {
    }

    static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    static RemotingCommand error(RemotingCommand request, int code, String remark) {
        return RemotingCommand.responseTo(request, code, remark);
    }

    static CompletableFuture<RemotingCommand> done(RemotingCommand response) {
        return CompletableFuture.completedFuture(response);
    }
}
